import { describe, expect, it } from "vitest";
import type { CallRecord } from "../../../src/core/answer.js";
import type { ExecutedCall } from "../../../src/core/ports.js";
import { summariseCalls } from "../../../src/core/summary/summarise.js";

// Issue 14 §1: a count question's answer leads with the number (or the totals it asked for); zero is the number 0.
function list(facts: Record<string, unknown>, args: Record<string, unknown> = {}): ExecutedCall {
  const record: CallRecord = {
    tool: "get_resources",
    args: { kind: facts.kind, ...args },
    ok: true,
    durationMs: 1,
    facts,
  };
  return { record, parts: [], notes: [] };
}

const KINDS = ["pods", "deployments", "services", "nodes", "persistentvolumeclaims", "jobs", "configmaps"];
const byNamespace = { shop: 9, payments: 4, data: 2 };
const byNode = { "worker-1": 10, "worker-2": 5 };

describe.each(KINDS)("counting %s", (kind) => {
  const many = list(
    { kind, count: 15, namespaces: 3, notReady: [], byNamespace, byNode },
    { all_namespaces: true },
  );
  const none = list({ kind, count: 0, namespaces: 0, notReady: [], coveredNamespaces: 9 });

  it("leads with the number", () => {
    expect(summariseCalls("en", [many], `how many ${kind} are there`)).toMatch(/^15 /);
    expect(summariseCalls("zh", [many], `有多少个${kind}`)).toMatch(/^共 15 个/);
  });

  it("leads with the totals per namespace when asked", () => {
    expect(summariseCalls("en", [many], `how many ${kind} per namespace`)).toMatch(
      /^Per namespace: shop 9, payments 4, data 2\. 15 /,
    );
    expect(summariseCalls("zh", [many], `每个命名空间有多少个${kind}`)).toMatch(
      /^按命名空间：shop 9、payments 4、data 2。共 15 个/,
    );
  });

  it("leads with the totals per node when asked", () => {
    expect(summariseCalls("en", [many], `${kind} per node?`)).toMatch(
      /^Per node: worker-1 10, worker-2 5\. 15 /,
    );
    expect(summariseCalls("zh", [many], `每个节点上有多少个${kind}`)).toMatch(
      /^按节点：worker-1 10、worker-2 5。/,
    );
  });

  it("says zero as 0, with what was covered, where a count was asked", () => {
    const en = summariseCalls("en", [none], `how many ${kind} are there`);
    expect(en).toMatch(/^0 .* in 9 namespaces\.$/);
    expect(summariseCalls("zh", [none], `有多少个${kind}`)).toMatch(/^在 9 个命名空间中.*为 0 个。$/);
    // A list that asked no number keeps saying none were found.
    expect(summariseCalls("en", [none], `list ${kind}`)).toMatch(/^No .* found in 9 namespaces\.$/);
  });
});

it("an unhealthy-only count of zero says how many were checked", () => {
  const none = list({ kind: "deployments", count: 0, namespace: "shop", unhealthy: true, listed: 5 }, {});
  expect(summariseCalls("en", [none], "how many deployments in shop are not ready")).toBe(
    "0 of 5 deployments not ready in shop.",
  );
  expect(summariseCalls("zh", [none], "shop 有几个 deployment 没就绪")).toBe(
    "shop 中未就绪的部署为 0 个（共检查 5 个）。",
  );
});

it.each([
  ["nodes", "4 nodes, 3 ready, 1 not ready: w3.", "共 4 个节点，其中 3 个就绪、1 个未就绪：w3。"],
  [
    "persistentvolumeclaims",
    "4 PVCs, 3 bound, 1 not bound: w3.",
    "共 4 个持久卷声明，其中 3 个已绑定、1 个未绑定：w3。",
  ],
  ["jobs", "4 jobs, 1 failed: w3.", "共 4 个任务，其中 1 个失败：w3。"],
])("states the healthy %s beside the unhealthy ones", (kind, en, zh) => {
  const call = list({ kind, count: 4, notReady: ["w3"] });
  expect(summariseCalls("en", [call], "how many are ready")).toBe(en);
  expect(summariseCalls("zh", [call], "几个就绪")).toBe(zh);
});

// "total restarts across all pods", "how many restarts on the api-gateway pods in total", checkout 重启了多少次: the
// sum of kubectl's RESTARTS column leads, beside how many pods restarted; generated over tables of any counts.
describe("restart totals", () => {
  const COLUMNS = ["NAME", "READY", "STATUS", "RESTARTS", "AGE"];
  const table = (restarts: number[]): ExecutedCall => ({
    ...list({ kind: "pods", count: restarts.length, notReady: [] }),
    parts: [
      {
        type: "table",
        title: "pods",
        columns: COLUMNS,
        rows: restarts.map((count, index) => [
          `pod-${index}`,
          "1/1",
          "Running",
          count > 0 ? `${count} (5m ago)` : "0",
          "1d",
        ]),
      },
    ],
  });
  const TABLES = [[0, 0], [3], [14, 0, 7], [1, 1, 1, 1], [0, 25, 2, 0, 9]];
  it.each(TABLES.map((restarts) => [restarts]))("%j", (restarts) => {
    const total = restarts.reduce((sum, n) => sum + n, 0);
    const restarted = restarts.filter((n) => n > 0).length;
    for (const question of [
      "total restarts across all pods?",
      "how many restarts in total",
      "restarts in total?",
    ])
      expect(summariseCalls("en", [table(restarts)], question)).toMatch(
        new RegExp(`^${total} restarts? in total; ${restarted} pods? ha(s|ve) restarted at least once`),
      );
    for (const question of ["重启了多少次", "一共重启几次", "重启次数"])
      expect(summariseCalls("zh", [table(restarts)], question)).toMatch(
        new RegExp(`^共重启 ${total} 次；${restarted} 个 Pod 至少重启过一次`),
      );
  });
  it("names the pod that restarted most", () => {
    expect(summariseCalls("en", [table([0, 25, 2])], "total restarts?")).toContain("(most: pod-1, 25)");
  });
});

// "anything pending in data": an empty list beside one that found rows is said as a zero, never as an all-clear.
describe("an empty list beside one with rows", () => {
  it.each(["en", "zh"] as const)("in %s", (language) => {
    const summary = summariseCalls(
      language,
      [
        list({ count: 0 }, { kind: "pods", namespace: "data", field_selector: "status.phase=Pending" }),
        list(
          { count: 1, notReady: ["analytics-scratch (Pending)"] },
          { kind: "persistentvolumeclaims", namespace: "data", unhealthy: true },
        ),
      ],
      "anything pending in data?",
    );
    expect(summary).not.toMatch(/\bno\b[^.]*\bfound\b|没有找到|未找到/i);
    expect(summary).toContain("analytics-scratch");
  });
});
