import { describe, expect, it } from "vitest";
import { scorePlan } from "../../../src/core/eval/score-plan.js";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { BUILTIN_KINDS, createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import { ENGLISH_CUES } from "../../../src/core/planner/builtin/vocabulary.js";
import type { ClusterNames } from "../../../src/core/ports.js";

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
// Words no reading can take as a name in every slot ("pods in namespace in"): grammar, not vocabulary.
const GRAMMAR = new Set(["all", "conj", "inPrep", "onPrep", "nameMarker", "possessive", "locative"]);

/** Every single-word vocabulary entry and kind short name that Kubernetes would accept as a name. */
function vocabularyNames(): string[] {
  const cues = [...ENGLISH_CUES].filter(([phrase, cue]) => !phrase.includes(" ") && !GRAMMAR.has(cue.role));
  const kinds = BUILTIN_KINDS.flatMap((entry) => [entry.plural, ...entry.english]);
  const words = [
    ...cues.map(([phrase]) => phrase),
    ...kinds,
    "shop",
    "payments",
    "kube-system",
    "cert-manager",
  ];
  return [...new Set(words)].filter((word) => DNS_LABEL.test(word)).sort();
}

const lexicon = createKindLexicon([]);
// The slot words themselves ("namespace x" with x = namespace), the filler "the", "kubectl" (it switches to kubectl
// syntax) and "autoscaler" ("pod autoscaler" is a kind's name) cannot be told from the phrase around them.
const SLOT_WORDS = new Set(["namespace", "ns", "the", "kubectl", "autoscaler", "autoscalers"]);
// A name that is a write verb ("delete", "drain") is the question filter's to judge (issue 13 §5), not a slot's.
const NAMES = vocabularyNames().filter(
  (word) =>
    !SLOT_WORDS.has(word) &&
    planQuestion(`list pods in namespace ${word}`, lexicon).refusal === null &&
    planQuestion(`${word}命名空间的pod`, lexicon).refusal === null,
);
/** A test cluster where every such word is a namespace and a deployment (its pods named after it). */
const cluster: ClusterNames = {
  namespaces: new Set([...NAMES, "shop"]),
  nodes: new Set(["worker-1"]),
  objects: new Map([...NAMES, "checkout"].map((name) => [name, ["deployments"]])),
  complete: true,
};

function failures(
  make: (x: string) => [string, { tool: string; args: Record<string, unknown> }[]],
): string[] {
  return NAMES.flatMap((x) => {
    const [question, expect] = make(x);
    const plan = planQuestion(question, lexicon, cluster);
    return scorePlan({ q: question, expect }, plan).pass
      ? []
      : [`${question} → ${JSON.stringify(plan.calls)}`];
  });
}

it("keeps most of the vocabulary as names to test", () => {
  expect(NAMES.length).toBeGreaterThan(400);
});

describe(`a name binds where it stands, for ${NAMES.length} names that are also vocabulary words or kinds`, () => {
  it.each([
    ["list pods in namespace x", (x: string) => `list pods in namespace ${x}`],
    ["pods -n x", (x: string) => `pods -n ${x}`],
    ["x命名空间的pod", (x: string) => `${x}命名空间的pod`],
  ])("%s: x is the namespace", (_, text) => {
    expect(
      failures((x) => [text(x), [{ tool: "get_resources", args: { kind: "pods", namespace: x } }]]),
    ).toEqual([]);
  });

  it("describe deployment x in y: x is the deployment, y its namespace", () => {
    expect(
      failures((x) => [
        `describe deployment ${x} in shop`,
        [{ tool: "describe_resource", args: { kind: "deployments", name: x, namespace: "shop" } }],
      ]),
    ).toEqual([]);
    // After "in", a determiner is filler ("in a minute", "in my namespace") and "in total" is one phrase.
    const afterIn = (y: string) => !["a", "an", "my", "our", "that", "this", "total"].includes(y);
    expect(
      failures((y) => [
        afterIn(y)
          ? `describe deployment checkout in ${y}`
          : `describe deployment checkout in namespace ${y}`,
        [{ tool: "describe_resource", args: { kind: "deployments", name: "checkout", namespace: y } }],
      ]),
    ).toEqual([]);
  });

  it("logs of pod x: x is the pod", () => {
    expect(failures((x) => [`logs of pod ${x}`, [{ tool: "get_pod_logs", args: { name: x } }]])).toEqual([]);
  });
});
