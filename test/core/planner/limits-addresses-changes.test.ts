import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../../src/core/language.js";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import { checkQuestionPolicy } from "../../../src/core/policy.js";
import type { ClusterNames } from "../../../src/core/ports.js";

// Generated over names: an autoscaler at its limit, a namespace's public address, when a node changed state.
const lexicon = createKindLexicon([]);
const NAMESPACES = ["shop", "warehouse", "team-a", "orders-prod"];
const WORKLOADS = ["checkout", "picker", "orders-v2", "api-gateway"];
const NODES = ["demo-worker-3", "ip-10-0-3-7", "gke-pool-a-9"];

function clusterWith(workload: string, namespace: string): ClusterNames {
  return {
    namespaces: new Set(["default", namespace]),
    nodes: new Set(NODES),
    objects: new Map([[workload, ["deployments", "services", "horizontalpodautoscalers"]]]),
    complete: true,
  };
}
const callsOf = (text: string, names: ClusterNames) => planQuestion(text, lexicon, names).calls;

describe("whether an autoscaler is at its maximum is the autoscaler", () => {
  for (const namespace of NAMESPACES)
    for (const workload of WORKLOADS) {
      const names = clusterWith(workload, namespace);
      it(`${namespace}/${workload}`, () => {
        const hpa = { tool: "describe_resource", args: { kind: "horizontalpodautoscalers", name: workload } };
        for (const text of [
          `is ${workload} maxed out on scaling?`,
          `${workload} 扩容到上限了吗`,
          `did ${workload} hit its max replicas?`,
        ])
          expect(callsOf(text, names), text).toEqual([hpa]);
        expect(callsOf(`is anything in ${namespace} maxed out on scaling?`, names)).toEqual([
          { tool: "get_resources", args: { kind: "horizontalpodautoscalers", namespace } },
        ]);
        expect(checkQuestionPolicy(`${workload} 扩容到上限了吗`, "zh")).toBeNull();
        expect(checkQuestionPolicy(`帮我把 ${workload} 扩容到上限`, "zh")).not.toBeNull();
      });
    }
  it("a maximum of usage is no autoscaler's", () => {
    const names = clusterWith("checkout", "shop");
    expect(callsOf("is the node maxed out on cpu?", names)[0].args.kind).not.toBe("horizontalpodautoscalers");
  });
});

describe("how users reach a namespace is its Ingresses", () => {
  for (const namespace of NAMESPACES) {
    const names = clusterWith("checkout", namespace);
    it(namespace, () => {
      const ingresses = [{ tool: "get_resources", args: { kind: "ingresses", namespace } }];
      for (const text of [
        `${namespace} 的对外域名是什么`,
        `what's the public url of ${namespace}?`,
        `外面访问 ${namespace} 用的是哪个地址`,
      ])
        expect(callsOf(text, names), text).toEqual(ingresses);
    });
  }
});

describe("when a node changed state is in the recent changes", () => {
  for (const node of NODES) {
    const names = clusterWith("checkout", "shop");
    it(node, () => {
      const changes = [{ tool: "recent_changes", args: { kind: "nodes", name: node } }];
      for (const text of [
        `when did ${node} go NotReady?`,
        `${node} 是什么时候掉线的`,
        `${node} NotReady since when?`,
      ])
        expect(callsOf(text, names), text).toEqual(changes);
    });
  }
  it("the language of the question does not matter to the policy", () => {
    for (const node of NODES)
      expect(checkQuestionPolicy(`${node} 是什么时候掉线的`, detectLanguage(node))).toBeNull();
  });
});
