import { describe, expect, it } from "vitest";
import type { CallRecord } from "../../../src/core/answer.js";
import type { ExecutedCall } from "../../../src/core/ports.js";
import { describeCallProgress } from "../../../src/core/summary/progress.js";
import { summariseCalls } from "../../../src/core/summary/summarise.js";

function executed(record: Partial<CallRecord> & Pick<CallRecord, "tool">): ExecutedCall {
  return { record: { args: {}, ok: true, durationMs: 1, ...record }, parts: [], notes: [] };
}

const pods = executed({
  tool: "get_resources",
  args: { kind: "pods", all_namespaces: true },
  facts: { kind: "pods", count: 42, namespaces: 6, notReady: ["checkout-1", "api-2", "worker-0"] },
});

const unreachable = executed({
  tool: "get_resources",
  args: { kind: "pods" },
  ok: false,
  error: { code: "unreachable", message: "Cannot reach the Kubernetes API at https://k8s:6443" },
});
const pendingPods = executed({
  tool: "get_resources",
  args: { kind: "pods", field_selector: "status.phase=Pending" },
  facts: { kind: "pods", count: 0, namespace: "default" },
});
const podsOnNode = executed({
  tool: "get_resources",
  args: { kind: "pods", all_namespaces: true, label_selector: "app=web", field_selector: "spec.nodeName=w1" },
  facts: { kind: "pods", count: 20, namespaces: 7, notReady: [] },
});
const quietDeployment = executed({
  tool: "get_events",
  args: { kind: "deployments", name: "checkout", namespace: "shop" },
  facts: { count: 0, warnings: 0, namespace: "shop", kind: "deployments", name: "checkout" },
});
const failedJobs = executed({
  tool: "get_resources",
  args: { kind: "jobs", namespace: "batch" },
  facts: { kind: "jobs", count: 2, notReady: ["db-migrate"] },
});
const pendingClaims = executed({
  tool: "get_resources",
  args: { kind: "persistentvolumeclaims", namespace: "data" },
  facts: { kind: "persistentvolumeclaims", count: 3, notReady: ["analytics-scratch"] },
});

describe("offline summaries", () => {
  it.each([
    [
      "en",
      pods,
      "42 pods in 6 namespaces, 39 running or completed, 3 not ready: checkout-1, api-2, worker-0.",
    ],
    [
      "zh",
      pods,
      "共 42 个Pod，分布在 6 个命名空间，其中 39 个运行中或已完成、3 个未就绪：checkout-1、api-2、worker-0。",
    ],
    [
      "en",
      unreachable,
      "get_resources did not complete: Cannot reach the Kubernetes API at https://k8s:6443",
    ],
    [
      "zh",
      unreachable,
      "get_resources 未能完成：无法连接 Kubernetes API（Cannot reach the Kubernetes API at https://k8s:6443）",
    ],
    ["en", pendingPods, "No pods matching status.phase=Pending found in default."],
    ["zh", pendingPods, "default 中没有找到符合 status.phase=Pending 的Pod。"],
    ["en", podsOnNode, "20 pods matching app=web, spec.nodeName=w1 in 7 namespaces, all ready."],
    ["en", quietDeployment, "No events about deployment checkout in shop."],
    ["zh", quietDeployment, "shop 中部署 checkout 没有事件。"],
    ["en", failedJobs, "2 jobs in batch, 1 failed: db-migrate."],
    ["zh", failedJobs, "batch 中共 2 个任务，其中 1 个失败：db-migrate。"],
    ["en", pendingClaims, "3 PVCs in data, 2 bound, 1 not bound: analytics-scratch."],
    ["zh", pendingClaims, "data 中共 3 个持久卷声明，其中 2 个已绑定、1 个未绑定：analytics-scratch。"],
    [
      "en",
      executed({
        tool: "get_resources",
        args: { kind: "services", namespace: "kube-system" },
        facts: { count: 1, notReady: [] },
      }),
      "1 service in kube-system.",
    ],
    [
      "zh",
      executed({
        tool: "get_resources",
        args: { kind: "services", namespace: "kube-system" },
        facts: { count: 2 },
      }),
      "kube-system 中共 2 个服务。",
    ],
    [
      "en",
      executed({ tool: "get_resources", args: { kind: "deployments", namespace: "x" }, facts: { count: 0 } }),
      "No deployments found in x.",
    ],
    [
      "en",
      executed({
        tool: "diagnose",
        args: { namespace: "shop" },
        facts: { findings: 2, critical: 1, objects: ["pod/a", "deploy/b"] },
      }),
      "Found 2 problems in shop (1 critical): pod/a, deploy/b.",
    ],
    [
      "zh",
      executed({ tool: "diagnose", args: { namespace: "shop" }, facts: { findings: 0 } }),
      "shop 中没有发现问题。",
    ],
    [
      "en",
      executed({
        tool: "top",
        args: { kind: "nodes", sort_by: "memory" },
        facts: { top: [{ name: "n1", cpu: "1", memory: "3Gi" }] },
      }),
      "Top nodes by memory: n1 (3Gi memory, 1 CPU).",
    ],
    [
      "en",
      executed({ tool: "get_pods", ok: false, error: { code: "forbidden", message: "may not list pods" } }),
      "get_pods did not complete: may not list pods",
    ],
  ] as const)("%s: %s", (language, call, expected) => {
    expect(summariseCalls(language, [call])).toBe(expected);
  });

  it("lists at most five names and counts the rest", () => {
    const many = executed({
      tool: "get_resources",
      args: { kind: "pods", namespace: "a" },
      facts: { count: 9, notReady: ["p1", "p2", "p3", "p4", "p5", "p6", "p7"] },
    });
    expect(summariseCalls("en", [many])).toBe(
      "9 pods in a, 2 running or completed, 7 not ready: p1, p2, p3, p4, p5, +2.",
    );
  });

  it("describes calls in progress in both languages", () => {
    const call = { tool: "get_resources", args: { kind: "pods", namespace: "kube-system" } };
    expect(describeCallProgress(call, "en")).toBe("Looking at pods in kube-system…");
    expect(describeCallProgress(call, "zh")).toBe("正在查看 kube-system 中的 Pod…");
  });
});
