import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeYaml } from "../../src/adapters/format/yaml-writer.js";
import { createClusterSet } from "../../src/adapters/kubernetes/cluster-set.js";
import type { FindingsPart, TablePart } from "../../src/core/answer.js";
import { redactText } from "../../src/core/redact.js";
import { summariseCalls } from "../../src/core/summary/summarise.js";
import { findTool } from "../../src/core/tools/catalogue.js";
import type { ToolContext, ToolOutput } from "../../src/core/tools/define-tool.js";
import { ageSeconds } from "../../src/core/tools/row-order.js";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";

/** §2, §3 and §4 on the `edge` namespace's change history: a deploy that introduced a crash, a config edit, a scale-up. */
let simulated: SimulatedCluster;
let context: ToolContext;

async function run(tool: string, args: Record<string, unknown>): Promise<ToolOutput> {
  const definition = findTool(tool)!;
  return definition.run(context, definition.args.parse(args) as never);
}

beforeAll(async () => {
  simulated = await startSimulatedCluster({ seed: 1 });
  const cluster = createClusterSet({ kubeconfig: simulated.kubeconfigPath, requestTimeoutMs: 10_000 }).get();
  context = { cluster, scope: {}, defaultNamespace: "default", redact: redactText, toYaml: writeYaml };
});

afterAll(async () => {
  await simulated?.close();
});

describe("recent_changes tells the story of the last hour", () => {
  it("the new revision and its image, the config edit, the scale-up and the restarts, newest first", async () => {
    const args = { namespace: "edge" };
    const output = await run("recent_changes", args);
    const table = output.parts[0] as TablePart;
    const what = table.rows.map((row) => `${row[1]} ${row[2]} ${row[3]} ${row[4]}`);
    expect(what).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^rollout deployment\/edge\/api-gateway new revision 2 .*api-gateway:1\.4\.2 → .*api-gateway:1\.5\.0/,
        ),
        expect.stringMatching(
          /^update configmap\/edge\/api-gateway-config updated data\.upstream\.yaml kubectl-edit$/,
        ),
        expect.stringMatching(/^update deployment\/edge\/api updated spec\.replicas kubectl$/),
        expect.stringMatching(
          /^scale deployment\/edge\/api ScalingReplicaSet: Scaled up replica set api-\w+ to 3 from 2/,
        ),
        expect.stringMatching(
          /^restart pod\/edge\/api-gateway-\S+ container gateway terminated and restarted: Error/,
        ),
      ]),
    );
    const ages = table.rows.map((row) => ageSeconds(row[0]));
    expect(ages).toEqual([...ages].sort((a, b) => a - b));
    expect(ages.every((age) => age <= 3600)).toBe(true);
    // Status writes by the controller are not changes anyone made.
    expect(what.some((line) => line.includes("kube-controller-manager"))).toBe(false);
    expect(
      summariseCalls("zh", [
        {
          record: { tool: "recent_changes", args, ok: true, facts: output.facts } as never,
          parts: output.parts,
          notes: [],
        },
      ]),
    ).toMatch(/^edge 中最近1小时共 \d+ 项变更/);
  });

  it("since_seconds narrows the window; a name keeps what it owns (its ReplicaSets' pods), not a prefix-sharing neighbour", async () => {
    const recent = await run("recent_changes", { namespace: "edge", since_seconds: 30 * 60 });
    const rows = (recent.parts[0] as TablePart).rows;
    expect(rows.some((row) => row[1] === "rollout")).toBe(false);
    expect(rows.every((row) => ageSeconds(row[0]) <= 30 * 60)).toBe(true);
    const api = await run("recent_changes", { namespace: "edge", name: "api" });
    const objects = (api.parts[0] as TablePart).rows.map((row) => String(row[2]));
    expect(objects.length).toBeGreaterThan(0);
    expect(objects.some((object) => object.includes("api-gateway"))).toBe(false);
  });
});

describe("api and api-gateway: linked by ownerReferences, never by name prefix", () => {
  it("diagnosing api reports nothing of the crash-looping api-gateway; diagnosing api-gateway does", async () => {
    const api = await run("diagnose", { namespace: "edge", name: "api" });
    expect((api.parts[0] as FindingsPart).findings).toEqual([]);
    const gateway = await run("diagnose", { namespace: "edge", name: "api-gateway" });
    const reasons = (gateway.parts[0] as FindingsPart).findings.map((finding) => finding.reason);
    expect(reasons).toEqual(expect.arrayContaining(["CrashLoopBackOff", "DeploymentUnavailable"]));
  });

  it("a stuck rollout with an older revision suggests the undo, and rollout_status shows what revision 2 changed", async () => {
    const gateway = await run("diagnose", { namespace: "edge", name: "api-gateway" });
    const deployment = (gateway.parts[0] as FindingsPart).findings.find(
      (f) => f.reason === "DeploymentUnavailable",
    );
    expect(deployment?.evidence.at(-1)).toContain("kubectl rollout undo deployment/api-gateway -n edge");
    const rollout = await run("rollout_status", {
      kind: "deployments",
      name: "api-gateway",
      namespace: "edge",
    });
    expect(rollout.facts).toMatchObject({ state: "stuck", revision: 2, revisions: 2 });
    expect(rollout.facts.changes).toEqual([
      "container gateway: image registry.example.com/edge/api-gateway:1.4.2 → registry.example.com/edge/api-gateway:1.5.0",
    ]);
    const revisions = rollout.parts[1] as TablePart;
    expect(revisions.rows.map((row) => row[0])).toEqual([2, 1]);
    const cause = revisions.columns.indexOf("CHANGE-CAUSE");
    expect(String(revisions.rows[0][cause])).toContain("kubectl set image deployment/api-gateway");
    // The ReplicaSet holding each revision is named: "the old replicaset" is asked for by name.
    expect(String(revisions.rows[1][revisions.columns.indexOf("HELD BY")])).toMatch(/^api-gateway-/);
  });
});

describe("series events (events.k8s.io)", () => {
  it("are dated by series.lastObservedTime and counted by series.count, like kubectl", async () => {
    const output = await run("get_events", { namespace: "edge", type: "Warning", since_seconds: 300 });
    const table = output.parts[0] as TablePart;
    const backOff = table.rows.find((row) => row[2] === "BackOff");
    expect(backOff?.[4]).toMatch(/\(x142\)$/);
    expect(ageSeconds(backOff?.[0] ?? "")).toBeLessThanOrEqual(300);
  });
});

describe("what changed on a named workload with no window said", () => {
  it("shows its last rollout even when it is a little older than the default hour", async () => {
    const later = { ...context, clock: { now: () => Date.now() + 20 * 60_000 } };
    const definition = findTool("recent_changes")!;
    const named = (
      await definition.run(later, definition.args.parse({ namespace: "edge", name: "api-gateway" }) as never)
    ).parts[0] as TablePart;
    expect(named.rows.some((row) => row[1] === "rollout" && /1\.4\.2 → .*1\.5\.0/.test(String(row[3])))).toBe(
      true,
    );
    // A window said out loud is kept to.
    const windowed = (
      await definition.run(
        later,
        definition.args.parse({ namespace: "edge", name: "api-gateway", since_seconds: 3600 }) as never,
      )
    ).parts[0] as TablePart;
    expect(windowed.rows.some((row) => row[1] === "rollout")).toBe(false);
  });
});
