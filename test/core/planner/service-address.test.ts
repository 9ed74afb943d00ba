import { expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import { sampleNames } from "../../helpers/sample-names.js";

const lexicon = createKindLexicon([]);
const cluster = sampleNames();
// Every demo name that is a Service (most are also a Deployment, whose pods have IPs of their own).
const SERVICES = [...cluster.objects]
  .filter(([name, kinds]) => kinds.includes("services") && name !== "kubernetes")
  .map(([name]) => name);

const ASKS = [
  (x: string) => `what's the external ip of ${x}`,
  (x: string) => `what is the external IP of the ${x} LB`,
  (x: string) => `${x} load balancer ip`,
  (x: string) => `${x} 的负载均衡外部IP是多少`,
  (x: string) => `${x}的外部IP`,
];

it.each(ASKS.map((ask) => [ask("x"), ask]))(
  "%s: an external or load-balancer address is the Service's, for every demo service",
  (_, ask) => {
    expect(SERVICES.length).toBeGreaterThan(5);
    const wrong = SERVICES.flatMap((x) => {
      const plan = planQuestion(ask(x), lexicon, cluster);
      const call = plan.calls[0];
      const right =
        plan.calls.length === 1 &&
        call.tool === "describe_resource" &&
        call.args.kind === "services" &&
        call.args.name === x &&
        (call.args.fields as string[] | undefined)?.includes("ip");
      return right ? [] : [`${ask(x)} → ${JSON.stringify(plan.calls)}`];
    });
    expect(wrong).toEqual([]);
  },
);
