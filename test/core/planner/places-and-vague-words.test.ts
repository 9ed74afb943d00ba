import { describe, expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import { sampleNames } from "../../helpers/sample-names.js";

const lexicon = createKindLexicon([]);
const names = sampleNames();
const workloads = [...names.objects]
  .filter(([, kinds]) => kinds.includes("deployments") || kinds.includes("statefulsets"))
  .map(([name]) => name);

// "restarts on the ledger pods": a word before a kind qualifies that kind; after "on" it is not a node.
describe(`a name before a kind, after "on", over ${workloads.length} workloads`, () => {
  it("is the name of the pods asked about", () => {
    const wrong = workloads.flatMap((name) =>
      [`restarts on the ${name} pods`, `on ${name} pods`, `status on the ${name} pods`].flatMap(
        (question) => {
          const [call] = planQuestion(question, lexicon, names).calls;
          return call?.args.name === name && call.args.field_selector === undefined
            ? []
            : [`${question} → ${JSON.stringify(call)}`];
        },
      ),
    );
    expect(wrong).toEqual([]);
  });
  it("while a node after on stays the node", () => {
    for (const node of names.nodes) {
      const [call] = planQuestion(`pods on ${node}`, lexicon, names).calls;
      expect(call.args.field_selector).toBe(`spec.nodeName=${node}`);
    }
  });
});

// An on-call channel's handover and pager questions are about what is wrong now, whatever else they say.
describe("handover and pager questions diagnose the whole scope", () => {
  const OPENERS = [
    "handover: anything I need to know before I go off shift?",
    "heads up, anything urgent?",
    "just came on call, anything important?",
    "sanity check before bed",
    "有啥要紧的事吗，我刚接班",
    "交接一下，有什么需要注意的",
    "值班中，有没有紧急的",
  ];
  it.each(OPENERS)("%s", (question) => {
    const plan = planQuestion(question, lexicon, names);
    expect(plan.calls).toEqual([{ tool: "diagnose", args: {} }]);
    expect(plan.confidence).toBeLessThan(0.6);
  });
  it("a greeting is still no question about the cluster", () => {
    for (const text of ["hi", "thanks!", "谢谢"])
      expect(planQuestion(text, lexicon, names).calls).toEqual([]);
  });
});

// "prometheus 的存储多大", "does inventory-db have persistent storage": a workload's storage is read through its claims.
describe(`a workload's storage, asked in any words, over ${workloads.length} workloads`, () => {
  const ASKS = [
    (name: string) => `${name} 的存储多大`,
    (name: string) => `${name} 的盘有多大`,
    (name: string) => `${name} 存储容量`,
    (name: string) => `does ${name} have persistent storage`,
    (name: string) => `does ${name} have persistent volumes`,
    (name: string) => `how big is the ${name} volume`,
    (name: string) => `disk size of ${name}`,
    (name: string) => `${name} storage capacity?`,
  ];
  it("asks for the claims its pods mount", () => {
    const wrong = workloads.flatMap((name) =>
      ASKS.map((ask) => ask(name)).flatMap((question) => {
        const calls = planQuestion(question, lexicon, names).calls;
        return calls.length === 1 && calls[0].args.kind === "persistentvolumes" && calls[0].args.name === name
          ? []
          : [`${question} → ${JSON.stringify(calls)}`];
      }),
    );
    expect(wrong).toEqual([]);
  });
});

// What "on" points at, when the cluster knows it as an object rather than a node, is the object asked about.
describe(`"on X" for an object X, over ${workloads.length} workloads`, () => {
  it("names X", () => {
    const wrong = workloads.flatMap((name) =>
      [`events on ${name}`, `memory limit on the ${name}`, `what image is running on ${name}`].flatMap(
        (question) => {
          const [call] = planQuestion(question, lexicon, names).calls;
          return call?.args.name === name ? [] : [`${question} → ${JSON.stringify(call)}`];
        },
      ),
    );
    expect(wrong).toEqual([]);
  });
});

// "rollout strategy on api-gateway", kube-proxy 的更新策略: the workload is described, strategy first.
describe(`a workload's strategy, over ${workloads.length} workloads`, () => {
  it("describes the workload", () => {
    const wrong = workloads.flatMap((name) =>
      [`whats the rollout strategy on ${name}`, `${name} 的更新策略`, `update strategy of ${name}`].flatMap(
        (question) => {
          const [call] = planQuestion(question, lexicon, names).calls;
          return call?.tool === "describe_resource" &&
            call.args.name === name &&
            call.args.kind !== "services"
            ? []
            : [`${question} → ${JSON.stringify(call)}`];
        },
      ),
    );
    expect(wrong).toEqual([]);
  });
});

// A Service and its workload share a name: ports beside an image or limits are the pod template's.
describe("ports beside a template field, for names that are a Service and a workload", () => {
  const both = workloads.filter((name) => names.objects.get(name)?.includes("services"));
  it.each(both)("%s", (name) => {
    for (const question of [
      `${name} 的端口和镜像`,
      `${name} image and ports`,
      `${name} ports and memory limits`,
    ]) {
      const [call] = planQuestion(question, lexicon, names).calls;
      expect(call.args.kind, question).not.toBe("services");
      expect(call.args.name, question).toBe(name);
    }
    expect(planQuestion(`${name} service ports`, lexicon, names).calls[0].args.kind).toBe("services");
  });
});

// "memory limit on the gateway in edge": a word the cluster lacks that is one workload's name part is that workload.
describe("a name part for the one workload bearing it", () => {
  // A part that is also a word of the vocabulary keeps that meaning ("metrics" asks for usage).
  const VOCABULARY = new Set(["metrics"]);
  const parts = [...names.objects]
    .filter(([, kinds]) => kinds.includes("deployments") || kinds.includes("statefulsets"))
    .flatMap(([name]) => name.split("-").map((part) => ({ name, part })))
    .filter(
      ({ part }) =>
        part.length >= 6 &&
        !VOCABULARY.has(part) &&
        !names.objects.has(part) &&
        !names.namespaces.has(part) &&
        workloads.filter((other) => other.split("-").some((p) => p.startsWith(part))).length === 1,
    );
  it.each(parts)("$part → $name", ({ name, part }) => {
    const [call] = planQuestion(`memory limit on the ${part}`, lexicon, names).calls;
    expect(call.args.name).toBe(name);
  });
});

// "the other gateway pod, 9n57q": a pod named by its random end beside its workload is that pod; any such end.
describe("a pod named by its random end beside its workload", () => {
  const ENDS = ["9n57q", "5bj6r", "x2k9p", "b5c7k"];
  it.each(workloads.flatMap((name) => ENDS.map((end) => [name, end])))("%s %s", (name, end) => {
    for (const question of [
      `ok and the other ${name} pod, ${end}, 它在哪个 node 上`,
      `which node is the ${name} pod ${end} on`,
      `logs of the ${name} pod ${end}`,
    ]) {
      const [call] = planQuestion(question, lexicon, names).calls;
      expect(call.args.name, question).toBe(end);
    }
  });
  it("a word without a digit is no pod's end", () => {
    const [call] = planQuestion("logs of the checkout pod please", lexicon, names).calls;
    expect(call.args.name).toBe("checkout");
  });
});
