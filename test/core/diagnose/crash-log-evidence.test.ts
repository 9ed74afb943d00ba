import { describe, expect, it } from "vitest";
import type { Finding } from "../../../src/core/answer.js";
import { addCrashLogs, CONFIG_READ_PREFIX, tellingLines } from "../../../src/core/diagnose/log-evidence.js";
import { redactText } from "../../../src/core/redact.js";
import { createFakeCluster, object } from "../../helpers/fake-cluster.js";

// The source line a runtime printed above its caret names what was missing; generated over property paths.
describe("the failing source line of a crashed run", () => {
  const PATHS = ["config.paymentGateway.region", "settings.db.host", "opts.a", "cfg['x']['y']"];
  it.each(PATHS)("%s", (path) => {
    const code = `    const value = ${path}.toUpperCase();`;
    const caret = `${" ".repeat(code.length - 3)}^`;
    const log = [
      '{"level":"info","msg":"starting"}',
      "/app/dist/client.js:87",
      code,
      caret,
      "",
      "TypeError: Cannot read properties of undefined (reading 'toUpperCase')",
      "    at new Client (/app/dist/client.js:87:49)",
    ].join("\n");
    const lines = tellingLines(log);
    expect(lines[0]).toBe(code.trim());
    expect(lines).toContain("TypeError: Cannot read properties of undefined (reading 'toUpperCase')");
    expect(lines.some((line) => line.includes("    at "))).toBe(false);
  });
  it("adds nothing when no caret points into a line", () => {
    expect(tellingLines("Error: boom\n    at x (y.js:1:1)")).toEqual(["Error: boom"]);
  });
});

// A crashed run that read a file under a ConfigMap's mount points at that ConfigMap; the next step describes it.
describe.each(["checkout-config", "app-settings", "cfg"])(
  "a crash reading config from ConfigMap %s",
  (configMap) => {
    const pod = object("Pod", "shop", "web-1", {
      spec: {
        containers: [{ name: "web", volumeMounts: [{ name: "conf", mountPath: "/etc/web/" }] }],
        volumes: [{ name: "conf", configMap: { name: configMap } }],
      },
    });
    const finding = (): Finding => ({
      severity: "critical",
      object: { kind: "Pod", name: "web-1", namespace: "shop" },
      reason: "CrashLoopBackOff",
      message: "Container web keeps crashing: 3 restarts, last exit code 1 (Error).",
      evidence: ["container web: waiting CrashLoopBackOff, restarts 3"],
    });
    const context = (log: string) => ({
      cluster: createFakeCluster({ objects: [pod], logs: { "shop/web-1": log } }),
      scope: {},
      redact: redactText,
      toYaml: () => "",
    });
    it("names the ConfigMap the log read from", async () => {
      const found = finding();
      await addCrashLogs(
        context("loading configuration from /etc/web/config.yaml\nError: bad config"),
        [found],
        [pod],
      );
      expect(found.evidence).toContain(`${CONFIG_READ_PREFIX}${configMap} (mounted at /etc/web)`);
    });
    it("and none when the log reads no file under the mount", async () => {
      const found = finding();
      await addCrashLogs(
        context("loading configuration from /opt/web.yaml\nError: bad config"),
        [found],
        [pod],
      );
      expect(found.evidence.some((line) => line.startsWith(CONFIG_READ_PREFIX))).toBe(false);
    });
  },
);

// The log budget reaches every failing workload: one replica per owner is read, a pod on a NotReady node is not.
describe.each([3, 5, 7])(
  "%d crashing workloads of two replicas each, and a pod on a NotReady node",
  (count) => {
    const workloads = Array.from({ length: count }, (_, index) => `svc-${index}`);
    const pods = workloads.flatMap((workload) =>
      ["a", "b"].map((suffix) =>
        object("Pod", "apps", `${workload}-${suffix}`, {
          metadata: {
            name: `${workload}-${suffix}`,
            namespace: "apps",
            ownerReferences: [{ kind: "ReplicaSet", name: `${workload}-rs` }],
          },
        }),
      ),
    );
    const stranded = object("Pod", "kube-system", "proxy-x", {});
    const findingOf = (pod: string, namespace: string, reason: string): Finding => ({
      severity: "critical",
      object: { kind: "Pod", name: pod, namespace },
      reason,
      message: "Container app keeps crashing.",
      evidence: ["container app: waiting"],
    });
    it("has the error line of every workload and reads no log on the NotReady node", async () => {
      const findings = [
        findingOf("proxy-x", "kube-system", "PodOnNotReadyNode"),
        findingOf("proxy-x", "kube-system", "ContainerNotReady"),
        ...pods.map((pod) => findingOf(pod.metadata.name, "apps", "CrashLoopBackOff")),
      ];
      const logs = Object.fromEntries(
        pods.map((pod) => [`apps/${pod.metadata.name}`, `Error: ${pod.metadata.name} failed to start`]),
      );
      const cluster = createFakeCluster({ objects: [...pods, stranded], logs });
      await addCrashLogs({ cluster, scope: {}, redact: redactText, toYaml: () => "" }, findings, pods);
      for (const workload of workloads) {
        const explained = findings.filter(
          (finding) =>
            finding.object.name.startsWith(`${workload}-`) &&
            finding.evidence.some((line) => line.startsWith("previous log: Error:")),
        );
        expect(explained).toHaveLength(1);
      }
      expect(findings[1]!.evidence.some((line) => line.includes("log:"))).toBe(false);
    });
  },
);

// The run the kernel killed for memory: its last lines (what filled the heap) are the evidence, read from the
// previous run, right after the state line.
describe.each([
  ["ledger", "WARN heap usage 98% (502MiB of 512MiB)"],
  ["indexer", "allocating 2048 MiB buffer for segment merge"],
])("an OOMKilled container %s", (container, lastLine) => {
  const pod = object("Pod", "payments", `${container}-0`, { spec: { containers: [{ name: container }] } });
  it("shows the killed run's last line", async () => {
    const cluster = createFakeCluster({
      objects: [pod],
      logs: { [`payments/${container}-0`]: `INFO starting\nINFO loading entries\n${lastLine}` },
    });
    const found: Finding = {
      severity: "critical",
      object: { kind: "Pod", name: `${container}-0`, namespace: "payments" },
      reason: "OOMKilled",
      message: `Container ${container} was killed for running out of memory (limit 512Mi).`,
      evidence: [`container ${container}: terminated OOMKilled, exit 137, restarts 7`, "memory limit 512Mi"],
    };
    await addCrashLogs({ cluster, scope: {}, redact: redactText, toYaml: () => "" }, [found], [pod]);
    expect(found.evidence[1]).toBe(`previous log: ${lastLine}`);
    expect(cluster.logReads[0]).toMatchObject({ container, previous: true });
  });
});
