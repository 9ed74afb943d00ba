import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeYaml } from "../../src/adapters/format/yaml-writer.js";
import { createClusterSet } from "../../src/adapters/kubernetes/cluster-set.js";
import type { TablePart, TextPart } from "../../src/core/answer.js";
import type { Cluster, KubeObject } from "../../src/core/ports.js";
import { redactText } from "../../src/core/redact.js";
import { summariseCalls } from "../../src/core/summary/summarise.js";
import { findTool } from "../../src/core/tools/catalogue.js";
import type { ToolContext, ToolOutput } from "../../src/core/tools/define-tool.js";
import { type EventObject, eventTime } from "../../src/core/tools/object-shapes.js";
import { resolveKind } from "../../src/core/tools/resolve-kind.js";
import { ageSeconds, restartCount } from "../../src/core/tools/row-order.js";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";
import { plantedFaults } from "../../src/demo/sample-data.js";

/** TOOLS.md second edition, §1: the attribute, the count, the window, the state; checked against the objects. */
let simulated: SimulatedCluster;
let cluster: Cluster;
let context: ToolContext;

async function run(tool: string, args: Record<string, unknown>): Promise<ToolOutput> {
  const definition = findTool(tool);
  if (!definition) throw new Error(`no tool ${tool}`);
  return definition.run(context, definition.args.parse(args) as never);
}

async function objects(kind: string, namespace?: string): Promise<KubeObject[]> {
  return cluster.list(await resolveKind(cluster, kind), { namespace });
}

function summary(language: "en" | "zh", tool: string, args: Record<string, unknown>, output: ToolOutput) {
  return summariseCalls(language, [
    { record: { tool, args, ok: true, facts: output.facts, ms: 1 } as never, parts: output.parts, notes: [] },
  ]);
}

beforeAll(async () => {
  simulated = await startSimulatedCluster({ seed: 1 });
  cluster = createClusterSet({ kubeconfig: simulated.kubeconfigPath, requestTimeoutMs: 10_000 }).get();
  context = { cluster, scope: {}, defaultNamespace: "default", redact: redactText, toYaml: writeYaml };
});

afterAll(async () => {
  await simulated?.close();
});

describe("describe_resource with fields leads with the value asked for", () => {
  it("says which node a pod runs on, in both languages, from the pod's spec.nodeName", async () => {
    const fault = plantedFaults.find(
      (planted) => planted.reason === "CrashLoopBackOff" && planted.kind === "Pod",
    );
    const pod = (await objects("pods", fault?.namespace)).find((item) => item.metadata.name === fault?.name);
    const node = (pod!.spec as { nodeName: string }).nodeName;
    const output = await run("describe_resource", {
      kind: "pods",
      name: fault?.name,
      namespace: fault?.namespace,
      fields: ["node"],
    });
    expect(output.facts.headline).toBe(`${fault?.name} runs on ${node}.`);
    expect(output.facts.headline_zh).toBe(`${fault?.name} 运行在节点 ${node} 上。`);
    expect((output.parts[0] as TextPart).title).toBe("Asked for");
  });

  it("gives every container's limits and requests, memory first, read from the pod template", async () => {
    const ledger = (await objects("deployments", "payments")).find((item) => item.metadata.name === "ledger");
    const container = (
      ledger!.spec as {
        template: { spec: { containers: { resources: { limits: Record<string, string> } }[] } };
      }
    ).template.spec.containers[0];
    const output = await run("describe_resource", {
      kind: "deployments",
      name: "ledger",
      namespace: "payments",
      fields: ["resources"],
    });
    const headline = String(output.facts.headline);
    expect(headline.startsWith(`ledger: limits memory ${container.resources.limits.memory}`)).toBe(true);
    expect(headline).toContain("; requests memory");
    expect(String(output.facts.headline_zh)).toContain(
      `ledger 的资源：limits memory ${container.resources.limits.memory}`,
    );
  });

  it("lists env names and sources, and only the values that look like nothing secret", async () => {
    const output = await run("describe_resource", {
      kind: "deployments",
      name: "checkout",
      namespace: "shop",
      fields: ["env", "image"],
    });
    const headline = String(output.facts.headline);
    expect(headline).toContain("DB_PASSWORD (secret checkout-db/password)");
    expect(headline).toContain("CART_URL=http://cart.shop.svc.cluster.local:8080");
    const payments = await run("describe_resource", {
      kind: "deployments",
      name: "payments-api",
      fields: ["env"],
    });
    const shown = String(payments.facts.headline);
    expect(shown).toContain("LOG_LEVEL=debug");
    for (const name of ["DB_PASSWORD", "API_TOKEN", "DATABASE_URL", "STRIPE_SECRET_KEY"])
      expect(shown).toContain(`${name} (value not shown)`);
    for (const value of ["Qv8!mTz3#LpW6yRd", "tok_5fJ2kq9XwL7mNc3VbR8tYp4H", "Hb4nR7wQx2Ls9K", "sk_live_"])
      expect(JSON.stringify(payments)).not.toContain(value);
    expect(headline).toMatch(/checkout: image registry\.example\.com\/shop\/checkout:/);
  });

  it("describe node shows its taints, and a pressure in the headline", async () => {
    const output = await run("describe_resource", { kind: "nodes", name: "demo-worker-2" });
    expect((output.parts[0] as TextPart).text).toContain(
      "Taints:      node.kubernetes.io/memory-pressure:NoSchedule",
    );
    expect(output.facts.headline).toContain("MemoryPressure");
  });
});

describe("get_resources: unhealthy, sort_by, wide columns and totals", () => {
  it("unhealthy keeps exactly the deployments below desired, and the summary says how many first", async () => {
    const below = (await objects("deployments"))
      .filter((item) => {
        const spec = item.spec as { replicas?: number };
        const status = item.status as { readyReplicas?: number };
        return (status.readyReplicas ?? 0) < (spec.replicas ?? 1);
      })
      .map((item) => item.metadata.name)
      .sort();
    const args = { kind: "deployments", all_namespaces: true, unhealthy: true };
    const output = await run("get_resources", args);
    expect([...(output.facts.notReady as string[])].sort()).toEqual(below);
    expect((output.parts[0] as TablePart).rows).toHaveLength(below.length);
    expect(summary("en", "get_resources", args, output)).toMatch(
      new RegExp(`^${below.length} deployments not ready`),
    );
    expect(summary("zh", "get_resources", args, output)).toContain(`共 ${below.length} 个未就绪的`);
  });

  it("unhealthy on a healthy list says all are healthy, not that nothing exists", async () => {
    const output = await run("get_resources", { kind: "services", namespace: "shop", unhealthy: true });
    expect(output.facts.count).toBe(0);
    expect(output.notes?.[0]).toMatch(/^All \d+ services in shop are healthy$/);
  });

  it("sort_by restarts puts the most restarted pod first; sort_by age the newest", async () => {
    const byRestarts = (
      await run("get_resources", { kind: "pods", all_namespaces: true, sort_by: "restarts" })
    ).parts[0] as TablePart;
    const restarts = byRestarts.rows.map((row) => restartCount(row[byRestarts.columns.indexOf("RESTARTS")]));
    expect(restarts).toEqual([...restarts].sort((a, b) => b - a));
    expect(restarts[0]).toBeGreaterThan(0);
    const byAge = (await run("get_resources", { kind: "pods", all_namespaces: true, sort_by: "age" }))
      .parts[0] as TablePart;
    const ages = byAge.rows.map((row) => ageSeconds(row[byAge.columns.indexOf("AGE")]));
    expect(ages).toEqual([...ages].sort((a, b) => a - b));
  });

  it("shows the IP and NODE columns of pods and totals per node and per namespace that agree with the pods", async () => {
    const pods = await objects("pods");
    const perNode: Record<string, number> = {};
    for (const pod of pods) {
      const node = (pod.spec as { nodeName?: string }).nodeName;
      if (node) perNode[node] = (perNode[node] ?? 0) + 1;
    }
    const args = { kind: "pods", all_namespaces: true };
    const output = await run("get_resources", args);
    expect((output.parts[0] as TablePart).columns.slice(-2)).toEqual(["IP", "NODE"]);
    expect(output.facts.byNode).toEqual(perNode);
    const perNamespace = output.facts.byNamespace as Record<string, number>;
    expect(Object.values(perNamespace).reduce((a, b) => a + b, 0)).toBe(pods.length);
    const english = summary("en", "get_resources", args, output);
    expect(english.startsWith(`${pods.length} pods`)).toBe(true);
    const [busiest, count] = Object.entries(perNode).sort((a, b) => b[1] - a[1])[0];
    expect(english).toContain(`Per node: ${busiest} ${count}`);
    expect(summary("zh", "get_resources", args, output)).toContain(`按节点：${busiest} ${count}`);
  });
});

describe("get_events since_seconds", () => {
  it("keeps only events last seen within the window, by their last occurrence", async () => {
    const all = (await objects("events")) as EventObject[];
    const args = { all_namespaces: true, since_seconds: 600 };
    const before = Date.now();
    const output = await run("get_events", args);
    const after = Date.now();
    // The tool's clock reads between the two: an event exactly on the edge may go either way.
    const surely = all.filter((event) => eventTime(event) >= after - 600_000).length;
    const possibly = all.filter((event) => eventTime(event) >= before - 600_000).length;
    expect(possibly).toBeLessThan(all.length);
    expect(output.facts.count).toBeGreaterThanOrEqual(surely);
    expect(output.facts.count).toBeLessThanOrEqual(possibly);
    expect(summary("en", "get_events", args, output)).toContain("in the last 10 minutes");
    expect(summary("zh", "get_events", args, output)).toContain("最近10分钟");
  });
});

describe("rollout_status", () => {
  it("calls the catalog rollout stuck with the condition's reason, its image in the headline", async () => {
    const args = { kind: "deployments", name: "catalog", namespace: "shop" };
    const output = await run("rollout_status", args);
    expect(output.facts).toMatchObject({ state: "stuck", reason: "ProgressDeadlineExceeded" });
    expect(output.facts.headline).toContain("v2.4.0-rc1");
    expect(summary("zh", "rollout_status", args, output)).toContain("卡住了");
  });

  it("says how many of a DaemonSet's pods are available while its rollout is not complete, in both languages", async () => {
    for (const daemonset of await objects("daemonsets")) {
      const status = daemonset.status as { numberAvailable?: number; desiredNumberScheduled?: number };
      const args = {
        kind: "daemonsets",
        name: daemonset.metadata.name,
        namespace: daemonset.metadata.namespace,
      };
      const output = await run("rollout_status", args);
      const short = (status.numberAvailable ?? 0) < (status.desiredNumberScheduled ?? 0);
      const count = `${status.numberAvailable ?? 0} of ${status.desiredNumberScheduled} pods available`;
      if (short) {
        expect(output.facts.headline).toContain(count);
        expect(output.facts.headline_zh).toContain(
          `${status.desiredNumberScheduled} 个 Pod 中 ${status.numberAvailable ?? 0} 个可用`,
        );
      } else expect(output.facts.headline).not.toContain("pods available");
      for (const note of output.notes ?? []) expect(note).not.toMatch(/\bno\b.{0,40}\bfound\b/i);
    }
  });

  it("refuses kinds without rollouts plainly", async () => {
    await expect(
      run("rollout_status", { kind: "services", name: "catalog", namespace: "shop" }),
    ).rejects.toThrow("services have no rollouts");
  });
});
