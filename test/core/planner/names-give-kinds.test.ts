import { describe, expect, it } from "vitest";
import { createBuiltinPlanner } from "../../../src/core/planner/builtin/builtin-planner.js";
import type { ClusterNames } from "../../../src/core/ports.js";
import { question } from "../../helpers/question.js";

// A question that names an object but no kind is read with the kind the cluster knows the name by; a namespace the
// cluster does not have that shortens a node is that node. Generated over names and kinds, not sentences.
const NAMES = ["analytics-scratch", "premium-rwo", "gizmo-red", "orders-2024", "blue", "data-redis-0"];
const KINDS = [
  "persistentvolumeclaims",
  "storageclasses",
  "cronjobs",
  "configmaps",
  "horizontalpodautoscalers",
  "widgets",
  "services",
];
const NODES = ["ip-10-0-3-7.eu-west-1.compute.internal", "prod-worker-12", "gke-pool-a-9"];

function clusterWith(name: string, kinds: string[]): ClusterNames {
  return {
    namespaces: new Set(["default", "shop", "kube-system"]),
    nodes: new Set(NODES),
    objects: new Map([
      [name, kinds],
      ["checkout", ["deployments", "services"]],
    ]),
    exactOnly: new Set(kinds.every((kind) => ["storageclasses", "widgets"].includes(kind)) ? [name] : []),
    complete: true,
  };
}

const planner = createBuiltinPlanner();
const plan = async (text: string, names: ClusterNames) =>
  (await planner.plan(question(text), { resourceTypes: [], names })).calls;

describe("a name with no kind said is described as the kind the cluster knows it by", () => {
  for (const name of NAMES)
    for (const kind of KINDS)
      it(`${name} as ${kind}`, async () => {
        const names = clusterWith(name, [kind]);
        for (const text of [`${name} details`, `tell me about ${name}`, `${name} 的详情`])
          expect(await plan(text, names), text).toEqual([
            { tool: "describe_resource", args: { kind, name } },
          ]);
      });

  it("a name that is also a workload stays about its pods", async () => {
    const calls = await plan("tell me about checkout", clusterWith("x", ["configmaps"]));
    expect(calls.every((call) => call.args.kind !== "configmaps")).toBe(true);
  });

  it("pods said out loud stay pods", async () => {
    const calls = await plan(
      "pods named analytics-scratch",
      clusterWith("analytics-scratch", ["configmaps"]),
    );
    expect(calls[0]?.args.kind).toBe("pods");
  });
});

describe("a shortened node in the namespace slot is the node", () => {
  for (const node of ["prod-worker-12", "gke-pool-a-9"]) {
    const short = node.split("-").slice(1).join("-");
    const names = clusterWith("unrelated", ["configmaps"]);
    it(`${short} → ${node}`, async () => {
      expect(await plan(`pods on ${short} that are not ready`, names)).toEqual([
        {
          tool: "get_resources",
          args: {
            kind: "pods",
            all_namespaces: true,
            field_selector: `spec.nodeName=${node}`,
            unhealthy: true,
          },
        },
      ]);
      expect(await plan(`${short} memory pressure, what should I look at`, names)).toEqual([
        { tool: "diagnose", args: { kind: "nodes", name: node } },
      ]);
    });
  }
});

describe("a word only a storage class or custom resource has is never reached by a typo", () => {
  it("'socket' is not the widget 'sprocket'", async () => {
    const names = clusterWith("sprocket", ["widgets"]);
    expect(await plan("pods in shop (socket)", names)).toEqual([
      { tool: "get_resources", args: { kind: "pods", namespace: "shop" } },
    ]);
  });
});

describe("kubectl piped to grep", () => {
  it.each([
    ["k get po -A | grep -v Running", "status.phase!=Running"],
    ["kubectl get pods -A | grep Pending", "status.phase=Pending"],
    ["kubectl get pods -A | grep -v 'Succeeded'", "status.phase!=Succeeded"],
  ])("%s", async (text, selector) => {
    expect(await plan(text, clusterWith("x", ["configmaps"]))).toEqual([
      { tool: "get_resources", args: { kind: "pods", all_namespaces: true, field_selector: selector } },
    ]);
  });
});

describe("a half-read question about trouble with one named object diagnoses it", () => {
  for (const name of ["checkout", "orders-api", "kafka-0"])
    it(`${name}: trouble words diagnose, plain words keep the read`, async () => {
      const names = clusterWith(name, ["deployments"]);
      for (const text of [
        `pls check 一下 ${name}，用户说它时好时坏`,
        `${name} pods keep dying, what gives?`,
        `${name} 的 Pod 一直挂，报的什么错`,
        `${name} pod never becomes ready - what's it logging?`,
        `is ${name} keeping up?`,
        `${name} 还 alive 吗`,
      ]) {
        const [call] = await plan(text, names);
        expect(call, text).toEqual({ tool: "diagnose", args: { name } });
      }
      const [plain] = await plan(`are the ${name} pods there`, names);
      expect(plain?.tool).not.toBe("diagnose");
    });
});

describe("a plural beside a name joins it as the name's part", () => {
  it("'the postgres backups' is backup-postgres", async () => {
    const names = clusterWith("backup-postgres", ["cronjobs"]);
    (names.objects as Map<string, string[]>).set("postgres", ["statefulsets"]);
    const [call] = await plan("are the postgres backups running", names);
    expect(call?.args.name).toBe("backup-postgres");
  });
});

describe("a request that needs an object keeps the name it was given, known or not", () => {
  const names = clusterWith("checkout-config", ["configmaps"]);
  for (const name of ["nosuchpod", "ghost", "zzz"])
    for (const [text, tool] of [
      [`describe pod ${name}`, "describe_resource"],
      [`logs of pod ${name}`, "get_pod_logs"],
      [`yaml of deployment ${name}`, "get_manifest"],
    ] as const)
      it(text, async () => {
        const [call] = await plan(text, names);
        expect(call).toMatchObject({ tool, args: { name } });
      });
  it("a plain word after a kind in a list question is still not a name", async () => {
    expect(await plan("which ingress hosts do we have?", names)).toEqual([
      { tool: "get_resources", args: { kind: "ingresses" } },
    ]);
  });
});
