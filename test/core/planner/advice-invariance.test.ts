import { describe, expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import { sampleNames } from "../../helpers/sample-names.js";

const lexicon = createKindLexicon([]);
const cluster = sampleNames();
// Every object of the demo cluster that a diagnosis can be about (pods go through their workloads).
// "kubernetes" is left out: it names the platform ("how do I fix kubernetes") as often as the default Service.
const NAMES = [...cluster.objects.keys()].filter((name) => name !== "kubernetes").sort();

/** Follow-on phrasings, with the object anywhere a user puts it. */
const ASKS: ((x: string) => string)[] = [
  (x) => `what should I check next for ${x}`,
  (x) => `how do I fix ${x}`,
  (x) => `${x} is broken, what next?`,
  (x) => `${x} next steps?`,
  (x) => `what do you recommend for ${x}`,
  (x) => `how can i fix ${x}?`,
  (x) => `any suggestions for ${x}`,
  (x) => `${x}下一步怎么排查`,
  (x) => `${x}该怎么办`,
  (x) => `${x} 該怎麼辦`,
  (x) => `怎么修复${x}`,
  (x) => `${x}有什么建议`,
];

describe(`"what should I do next" about any of ${NAMES.length} objects is its diagnosis`, () => {
  it.each(ASKS.map((ask) => [ask("x"), ask]))("%s", (_, ask) => {
    const wrong = NAMES.flatMap((x) => {
      const plan = planQuestion(ask(x), lexicon, cluster);
      const call = plan.calls[0];
      const right =
        plan.refusal === null && plan.calls.length === 1 && call.tool === "diagnose" && call.args.name === x;
      return right ? [] : [`${ask(x)} → ${JSON.stringify(plan.calls)} ${plan.refusal ?? ""}`];
    });
    expect(wrong).toEqual([]);
  });
});
