import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeYaml } from "../../src/adapters/format/yaml-writer.js";
import { createClusterSet } from "../../src/adapters/kubernetes/cluster-set.js";
import type { CodePart, FindingsPart, TablePart } from "../../src/core/answer.js";
import { CodedError } from "../../src/core/errors.js";
import { MASK } from "../../src/core/redact/scan.js";
import { redactText } from "../../src/core/redact.js";
import { findTool, toolCatalogue } from "../../src/core/tools/catalogue.js";
import type { ToolContext, ToolOutput } from "../../src/core/tools/define-tool.js";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";
import { plantedFaults, secretCanaries } from "../../src/demo/sample-data.js";
import { secretType } from "../fixtures/resource-types.js";
import { codedFailure } from "../helpers/coded-failure.js";

/** Every tool through real client-node against the simulated cluster's sample data. */
let simulated: SimulatedCluster;
let context: ToolContext;
const outputs: { call: string; output: ToolOutput }[] = [];

async function run(tool: string, args: Record<string, unknown>): Promise<ToolOutput> {
  const definition = findTool(tool);
  if (!definition) throw new Error(`no tool ${tool}`);
  const output = await definition.run(context, definition.args.parse(args) as never);
  const call = `${tool} ${JSON.stringify(args)}`;
  outputs.push({ call, output });
  // Every output of every test is checked where it is made: no test relies on another having run first.
  const text = JSON.stringify(output);
  for (const canary of secretCanaries) expect(text.includes(canary), `${canary} in ${call}`).toBe(false);
  return output;
}

const yamlOf = (entry: { output: ToolOutput }) => (entry.output.parts[0] as CodePart).code;

/** The planted CrashLoopBackOff pod (names are fixed by the seed, but read them from the sample, not by heart). */
function crashLoopingPod(): { name: string; namespace: string } {
  const fault = plantedFaults.find(
    (planted) => planted.reason === "CrashLoopBackOff" && planted.kind === "Pod",
  );
  if (!fault?.namespace) throw new Error("the sample data has no crash-looping pod");
  return { name: fault.name, namespace: fault.namespace };
}

beforeAll(async () => {
  simulated = await startSimulatedCluster({ seed: 1 });
  const cluster = createClusterSet({ kubeconfig: simulated.kubeconfigPath, requestTimeoutMs: 10_000 }).get();
  context = { cluster, scope: {}, defaultNamespace: "default", redact: redactText, toYaml: writeYaml };
});

afterAll(async () => {
  await simulated?.close();
});

describe("every tool on the sample data", () => {
  it("get_resources lists kubectl's columns and flags the broken pods", async () => {
    const output = await run("get_resources", { kind: "pods", namespace: "shop" });
    const table = output.parts[0] as TablePart;
    expect(table.columns).toEqual(["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE"]);
    const notReady = output.facts.notReady as string[];
    expect(notReady.some((name) => name.startsWith("checkout-"))).toBe(true);
    expect(notReady.some((name) => name.startsWith("catalog-"))).toBe(true);
    expect(notReady.some((name) => name.startsWith("cart-"))).toBe(false);
  });

  it("get_resources reads cluster-scoped kinds, short names and custom resources", async () => {
    const nodes = await run("get_resources", { kind: "no" });
    expect(nodes.facts).toMatchObject({ kind: "nodes", count: 4, notReady: ["demo-worker-3"] });
    const types = await context.cluster.resourceTypes();
    const custom = types.find((type) => type.group === "example.com");
    expect(custom).toBeDefined();
    const widgets = await run("get_resources", { kind: custom!.plural, all_namespaces: true });
    expect(widgets.facts.count).toBeGreaterThan(0);
    const deployments = await run("get_resources", { kind: "deploy", namespace: "shop", name: "check" });
    expect((deployments.parts[0] as TablePart).rows.map((row) => row[0])).toEqual(["checkout"]);
  });

  it("describe_resource resolves a prefix and shows containers, conditions and events", async () => {
    const crashing = crashLoopingPod();
    const prefix = crashing.name.slice(0, -3);
    const output = await run("describe_resource", {
      kind: "pods",
      name: prefix,
      namespace: crashing.namespace,
    });
    expect(output.notes?.[0]).toBe(`${prefix} → ${crashing.name}`);
    const titles = output.parts.map((part) => part.title);
    expect(titles).toEqual(expect.arrayContaining(["Conditions", "Containers", "Events"]));
    const events = output.parts.find((part) => part.title === "Events") as TablePart;
    expect(events.rows.some((row) => row[2] === "BackOff")).toBe(true);
    // "Which node is it on" is answered by the headline as well as the Node line.
    const node = String(output.facts.node);
    expect(node).toMatch(/^demo-/);
    expect(output.facts.headline).toContain(`(on node ${node})`);
    expect(output.facts.headline_zh).toContain(`运行在节点 ${node}`);
  });

  it("get_manifest and describe_resource mask every literal of payments-api", async () => {
    await run("get_manifest", { kind: "deployments", name: "payments-api", namespace: "payments" });
    await run("describe_resource", { kind: "deployments", name: "payments-api", namespace: "payments" });
    const pods = await run("get_resources", { kind: "pods", namespace: "payments", name: "payments-api" });
    const podName = String((pods.parts[0] as TablePart).rows[0][0]);
    const pod = await run("get_manifest", { kind: "pods", name: podName, namespace: "payments" });
    const yaml = (outputs.find((entry) => entry.call.startsWith("get_manifest"))!.output.parts[0] as CodePart)
      .code;
    expect(yaml).not.toContain("managedFields");
    expect(yaml).not.toContain("last-applied-configuration");
    expect(yaml).toMatch(/secretKeyRef:/);
    expect((pod.parts[0] as CodePart).code).toMatch(/secretKeyRef:/);
  });

  it("get_manifest masks the config maps' passwords and tokens", async () => {
    const configMaps = await run("get_resources", { kind: "configmaps", all_namespaces: true });
    for (const row of (configMaps.parts[0] as TablePart).rows) {
      await run("get_manifest", { kind: "configmaps", name: String(row[1]), namespace: String(row[0]) });
    }
    const cronJobs = await run("get_resources", { kind: "cronjobs", all_namespaces: true });
    for (const row of (cronJobs.parts[0] as TablePart).rows) {
      await run("get_manifest", { kind: "cronjobs", name: String(row[1]), namespace: String(row[0]) });
    }
    const manifests = outputs.filter((entry) => entry.call.startsWith("get_manifest")).map(yamlOf);
    expect(manifests.length).toBeGreaterThan((configMaps.parts[0] as TablePart).rows.length - 1);
    // The sample's config maps and cron jobs hold plain-text credentials: some must have been masked.
    expect(manifests.filter((yaml) => yaml.includes(MASK)).length).toBeGreaterThan(0);
  });

  it("get_pod_logs reads the tail and the previous crash", async () => {
    const pods = await run("get_resources", { kind: "pods", namespace: "payments", name: "payments-api" });
    const name = String((pods.parts[0] as TablePart).rows[0][0]);
    const current = await run("get_pod_logs", { name, namespace: "payments", tail_lines: 5000 });
    expect(current.facts.lines).toBeGreaterThan(0);
    const crashing = crashLoopingPod();
    const previous = await run("get_pod_logs", {
      name: crashing.name,
      namespace: crashing.namespace,
      previous: true,
    });
    expect((previous.parts[0] as CodePart).code).toMatch(/TypeError/);
    expect(previous.facts).toMatchObject({ container: "checkout", previous: true });
  });

  it("get_events, top and cluster_overview answer", async () => {
    const warnings = await run("get_events", { all_namespaces: true, type: "Warning" });
    expect(warnings.facts.warnings).toBe(warnings.facts.count);
    expect(warnings.facts.count).toBeGreaterThan(0);
    const nodes = await run("top", { kind: "nodes", sort_by: "memory" });
    expect((nodes.facts.top as unknown[]).length).toBeGreaterThan(0);
    await run("top", { kind: "pods", all_namespaces: true });
    const overview = await run("cluster_overview", {});
    expect(overview.facts).toMatchObject({ nodes: { ready: 3, total: 4 }, notReadyNodes: ["demo-worker-3"] });
  });

  it("diagnose finds every planted fault, each with evidence", async () => {
    const output = await run("diagnose", { all_namespaces: true });
    const findings = (output.parts[0] as FindingsPart).findings;
    for (const fault of plantedFaults) {
      const found = findings.find(
        (finding) =>
          finding.reason === fault.reason &&
          finding.object.kind === fault.kind &&
          finding.object.name === fault.name &&
          finding.object.namespace === fault.namespace,
      );
      expect(found, `${fault.reason} ${fault.kind} ${fault.namespace ?? ""}/${fault.name}`).toBeDefined();
      expect(found!.evidence.length).toBeGreaterThan(0);
    }
    const crash = findings.find(
      (finding) => finding.reason === "CrashLoopBackOff" && finding.object.name === crashLoopingPod().name,
    )!;
    expect(crash.evidence.some((line) => line.startsWith("previous log: TypeError"))).toBe(true);
  });

  it("rollout_status and recent_changes read the checkout deployment's history", async () => {
    const rollout = await run("rollout_status", { kind: "deploy", name: "checkout", namespace: "shop" });
    expect(rollout.facts).toMatchObject({ kind: "deployments", name: "checkout", namespace: "shop" });
    expect(rollout.facts.revisions).toBeGreaterThan(0);
    const changes = await run("recent_changes", { namespace: "shop", name: "checkout" });
    expect(changes.facts.count).toBeGreaterThan(0);
  });

  it("diagnose narrows by kind and by name", async () => {
    const nodes = await run("diagnose", { kind: "nodes" });
    expect((nodes.facts.reasons as string[]).sort()).toEqual(["MemoryPressure", "NodeNotReady"]);
    const job = await run("diagnose", { namespace: "batch", name: "db-migrate" });
    expect(job.facts.reasons).toContain("JobFailed");
  });
});

describe("what never leaves K8Helper", () => {
  it("an empty read of a namespace that does not exist is not_found with close names, for every reading tool", async () => {
    for (const [tool, args] of [
      ["get_resources", { kind: "pods", namespace: "shopp" }],
      ["get_events", { namespace: "shopp" }],
      ["diagnose", { namespace: "shopp" }],
      ["top", { kind: "pods", namespace: "shopp" }],
    ] as const) {
      const failure = await codedFailure(run(tool, args));
      expect({ tool, code: failure.code, message: failure.message }).toEqual({
        tool,
        code: "not_found",
        message: 'No namespace named "shopp"; close names: shop',
      });
    }
    // An existing namespace with nothing of the kind is still an empty answer.
    const none = await run("get_resources", { kind: "poddisruptionbudgets", namespace: "kube-system" });
    expect(none.facts.count).toBe(0);
  });

  it("when Namespace objects cannot be read (the chart's namespaced mode), an empty read stays an empty answer", async () => {
    const forbidding: ToolContext = {
      ...context,
      cluster: {
        ...context.cluster,
        get: async (type, name, namespace) => {
          if (type.plural === "namespaces") throw new CodedError("forbidden", "may not get namespaces");
          return context.cluster.get(type, name, namespace);
        },
      },
    };
    const output = await findTool("get_resources")!.run(forbidding, { kind: "pods", namespace: "shopp" });
    expect(output.facts.count).toBe(0);
  });

  it("no canary value appears in any tool's output, on the objects that hold canaries", async () => {
    const target = { kind: "deployments", name: "payments-api", namespace: "payments" };
    const pods = await run("get_resources", { kind: "pods", namespace: "payments", name: "payments-api" });
    const pod = String((pods.parts[0] as TablePart).rows[0][0]);
    const calls: Record<string, Record<string, unknown>> = {
      get_resources: { kind: "pods", namespace: "payments" },
      describe_resource: target,
      get_manifest: target,
      get_pod_logs: { name: pod, namespace: "payments" },
      get_events: { namespace: "payments" },
      top: { kind: "pods", namespace: "payments" },
      cluster_overview: {},
      diagnose: { namespace: "payments" },
      rollout_status: target,
      recent_changes: { namespace: "payments" },
    };
    // A tool added to the catalogue must be added here too.
    expect(Object.keys(calls).sort()).toEqual(toolCatalogue.map((tool) => tool.name).sort());
    // run() fails on any canary in an output.
    for (const [tool, args] of Object.entries(calls)) await run(tool, args);
  });

  it("secrets are refused without a request, and RBAC refusals name the missing permission", async () => {
    const before = simulated.requests.length;
    expect((await codedFailure(run("get_resources", { kind: "secrets", namespace: "payments" }))).code).toBe(
      "refused",
    );
    expect((await codedFailure(context.cluster.list(secretType, { namespace: "payments" }))).message).toBe(
      "K8Helper never reads Secrets",
    );
    expect(simulated.requests.length).toBe(before);
    simulated.faults.set({ status: 403, pathPattern: /\/namespaces\/payments\/pods/ });
    try {
      const forbidden = await codedFailure(run("get_resources", { kind: "pods", namespace: "payments" }));
      expect(forbidden).toMatchObject({
        code: "forbidden",
        message: "K8Helper's ServiceAccount may not list pods in payments",
      });
    } finally {
      simulated.faults.clear();
    }
  });

  it.each([
    [500, "server_error", /^The Kubernetes API at https:\/\/127\.0\.0\.1:\d+ answered 500/],
    [404, "not_found", /^No pods/],
  ])("a %d from the cluster becomes %s with a plain message", async (status, code, message) => {
    simulated.faults.set({ status, pathPattern: /\/namespaces\/shop\/pods/ });
    try {
      const error = await codedFailure(run("get_resources", { kind: "pods", namespace: "shop" }));
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      expect(error.message).not.toMatch(/\n\s+at /);
    } finally {
      simulated.faults.clear();
    }
  });

  it("a dropped connection is unreachable, not a crash", async () => {
    simulated.faults.set({ dropConnection: true, pathPattern: /\/namespaces\/data\/pods/ });
    try {
      const error = await codedFailure(run("get_resources", { kind: "pods", namespace: "data" }));
      expect(error.code).toBe("unreachable");
      expect(error.message).toMatch(/^Cannot reach the Kubernetes API at https:\/\/127\.0\.0\.1:\d+: /);
    } finally {
      simulated.faults.clear();
    }
  });

  it("the request log holds only GETs and no Secret path", () => {
    expect(simulated.requests.length).toBeGreaterThan(50);
    expect(simulated.requests.filter((request) => request.method !== "GET")).toEqual([]);
    expect(simulated.requests.filter((request) => /\/secrets(\/|$)/.test(request.path))).toEqual([]);
  });
});
