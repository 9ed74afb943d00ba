import { describe, expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import { namesOfKind } from "../../../src/core/planner/builtin/kind-members.js";
import { sampleNames } from "../../helpers/sample-names.js";

const lexicon = createKindLexicon([]);
const names = sampleNames();
const plan = (text: string) => planQuestion(text, lexicon, names).calls;
const namespaces = [...names.namespaces].filter((ns) => !names.objects.has(ns) && !names.nodes.has(ns));

// A state after 在/in is no namespace; a release asked about is a change. Generated over the sample's namespaces.
describe.each(namespaces)("in %s", (namespace) => {
  it.each([`${namespace} 里哪些 Pod 在 BackOff？`, `which pods in ${namespace} are in backoff`])(
    "%s",
    (question) => {
      expect(plan(question)).toEqual([{ tool: "diagnose", args: { kind: "pods", namespace } }]);
    },
  );
  it.each([
    `最近两小时 ${namespace} 有没有人发布过新版本`,
    `was anything rolled out in ${namespace} in the last 2 hours?`,
  ])("%s", (question) => {
    expect(plan(question)).toEqual([{ tool: "recent_changes", args: { namespace, since_seconds: 7200 } }]);
  });
});

// "anything pending in data", 有没有 pending 的东西: no kind named, and claims wait in Pending as pods do.
describe.each(namespaces)("pending things in %s", (namespace) => {
  it.each([`anything pending in ${namespace}?`, `${namespace} 这个 namespace 有没有 pending 的东西`])(
    "%s",
    (question) => {
      expect(plan(question)).toEqual([
        {
          tool: "get_resources",
          args: { kind: "pods", namespace, field_selector: "status.phase=Pending" },
        },
        { tool: "get_resources", args: { kind: "persistentvolumeclaims", namespace, unhealthy: true } },
      ]);
    },
  );
  it("pending pods stay pods", () => {
    expect(plan(`pending pods in ${namespace}`)).toEqual([
      { tool: "get_resources", args: { kind: "pods", namespace, field_selector: "status.phase=Pending" } },
    ]);
  });
});

it("a state after 在 across the cluster", () => {
  expect(plan("過去十分鐘有哪些 Pod 在 BackOff？")).toEqual([{ tool: "diagnose", args: { kind: "pods" } }]);
});

// "ingress 列一下, 带 host": a column after 带/with is what to show, never a label key; a label key stays one.
describe.each(["host", "ip", "node", "image"])("带 %s", (column) => {
  it.each(["ingresses", "pods", "services"])("%s", (kind) => {
    const [call] = plan(`${kind} 列一下, 带 ${column}`);
    expect(call.args.label_selector).toBeUndefined();
  });
  it("a label key after 带 stays a selector", () => {
    expect(plan("pods 带 team 标签")[0].args.label_selector).toBe("team");
  });
});

it.each(namespaces)("how long since a deploy is no change question, in %s", (namespace) => {
  const [call] = plan(`${namespace} 里的 fraud-detector 部署了俩小时了还没跑起来`);
  expect(call.tool).toBe("diagnose");
});

// Who made a change is a change question; the actor's kind ("or the HPA") filters the object only when it is one.
const deployments = namesOfKind(names, "deployments");
describe.each(deployments)("who changed %s", (workload) => {
  it("who ran kubectl set image", () => {
    expect(plan(`who ran kubectl set image on ${workload}?`)).toEqual([
      { tool: "recent_changes", args: { name: workload } },
    ]);
  });
  it("kubectl or the HPA", () => {
    const [call] = plan(`was the ${workload} scale-up done by kubectl or the HPA?`);
    expect(call).toMatchObject({ tool: "recent_changes", args: { name: workload } });
    // Its own kind, or none: never a kind the object is not.
    expect([undefined, ...(names.objects.get(workload) ?? [])]).toContain(call.args.kind);
  });
});
