import { describe, expect, it } from "vitest";
import { createBuiltinPlanner } from "../../../src/core/planner/builtin/builtin-planner.js";
import type { ClusterNames } from "../../../src/core/ports.js";
import { question } from "../../helpers/question.js";

// Generated over names: the words around a name decide the tool, never the name itself.
const WORKLOADS = ["checkout", "orders-api", "picker", "web-v2"];

function clusterWith(workload: string): ClusterNames {
  return {
    namespaces: new Set(["default", "shop", "kube-system"]),
    nodes: new Set(["demo-worker-1", "demo-worker-3"]),
    objects: new Map([
      [workload, ["deployments", "services", "horizontalpodautoscalers", "poddisruptionbudgets"]],
      ["kube-proxy", ["daemonsets"]],
      ["node-exporter", ["daemonsets"]],
    ]),
    containers: new Map([["envoy", [workload]]]),
    complete: true,
  };
}

const planner = createBuiltinPlanner();
const plan = async (text: string, names: ClusterNames) =>
  (await planner.plan(question(text), { resourceTypes: [], names })).calls;

describe("an autoscaler's or budget's attribute describes that object", () => {
  for (const name of WORKLOADS)
    it(name, async () => {
      const names = clusterWith(name);
      for (const text of [
        `what cpu target does the ${name} hpa use`,
        `${name} 的 HPA target CPU 是多少 %`,
        `${name} 最多能扩到几个副本`,
        `what's the max replicas for ${name}`,
      ])
        expect(await plan(text, names), text).toEqual([
          { tool: "describe_resource", args: { kind: "horizontalpodautoscalers", name } },
        ]);
      expect(await plan(`${name} 的 PDB 允许几个中断`, names)).toEqual([
        { tool: "get_resources", args: { kind: "poddisruptionbudgets", name } },
      ]);
      expect(await plan(`how many replicas does ${name} have`, names)).toEqual([
        { tool: "describe_resource", args: { kind: "deployments", name, fields: ["replicas"] } },
      ]);
    });
});

describe("a variable's name asks for env; its source is found from the pod specs", () => {
  for (const name of WORKLOADS)
    for (const variable of ["JAVA_OPTS", "CATALOG_URL", "FEATURE_X_ENABLED"])
      it(`${variable} on ${name}`, async () => {
        const names = clusterWith(name);
        for (const text of [`${variable} on ${name}?`, `${name} 的 ${variable} 设的多少`])
          expect(await plan(text, names), text).toEqual([
            { tool: "describe_resource", args: { kind: "deployments", name, fields: ["env"] } },
          ]);
        expect(await plan(`${variable} 是从哪个 secret 来的`, names)).toEqual([
          { tool: "get_resources", args: { kind: "pods", name: variable } },
        ]);
      });
});

describe("trouble said loosely diagnoses the object", () => {
  for (const name of WORKLOADS)
    it(name, async () => {
      const names = clusterWith(name);
      for (const text of [
        `${name} wont start`,
        `what is going on with ${name}`,
        `the ${name} pods keep dying`,
        `ok so ${name} is crashlooping - which node is the crashing pod on?`,
      ]) {
        const [call] = await plan(text, names);
        if (text.includes("which node"))
          expect(call, text).toEqual({
            tool: "describe_resource",
            args: { kind: "pods", name, fields: ["node"] },
          });
        else expect(call, text).toEqual({ tool: "diagnose", args: { name } });
      }
    });
  for (const pod of ["kube-proxy-vjlxr", "node-exporter-wkt5q", "kube-proxy-x7k2p"])
    it(`${pod} is a DaemonSet's pod, not a namespace`, async () => {
      expect(await plan(`${pod} 为啥不 ready`, clusterWith("checkout"))).toEqual([
        { tool: "diagnose", args: { name: pod } },
      ]);
    });
});

describe("the previous image is in the rollout history", () => {
  for (const name of WORKLOADS)
    it(name, async () => {
      for (const text of [
        `what image did ${name} run before`,
        `${name} 上一个版本的镜像是什么`,
        `what was the previous image of ${name}`,
      ])
        expect(await plan(text, clusterWith(name)), text).toEqual([
          { tool: "rollout_status", args: { kind: "deployments", name } },
        ]);
    });
});
