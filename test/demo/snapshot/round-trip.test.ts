import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer, FindingsPart, TablePart, ToolCall } from "../../../src/core/answer.js";
import { startTestStack, type TestStack } from "../../helpers/answer-service.js";
import { question } from "../../helpers/question.js";
import { startSnapshotStack } from "./snapshot-stack.js";

const run = promisify(execFile);
let live: TestStack;
let dumpDir: string;
let dumpStream: string;

beforeAll(async () => {
  live = await startTestStack();
  const work = mkdtempSync(join(tmpdir(), "snapshot-round-trip-"));
  dumpDir = join(work, "dump");
  const kubectl = ["--kubeconfig", live.cluster.kubeconfigPath, "cluster-info", "dump", "--all-namespaces"];
  await run("kubectl", [...kubectl, "--output-directory", dumpDir]);
  const { stdout } = await run("kubectl", kubectl, { maxBuffer: 64 * 1024 * 1024 });
  dumpStream = join(work, "dump.txt");
  writeFileSync(dumpStream, stdout);
}, 60_000);

afterAll(async () => {
  await live?.close();
});

// What `kubectl cluster-info dump` captures: the rest (StatefulSets, Jobs, claims...) is not in it.
const dumpedKinds = new Set(["Pod", "Deployment", "ReplicaSet", "DaemonSet", "Service", "Node"]);

function findings(answer: Answer): string[] {
  return answer.parts
    .filter((p): p is FindingsPart => p.type === "findings")
    .flatMap((p) => p.findings)
    .filter((f) => dumpedKinds.has(f.object.kind) && !f.object.name.startsWith("pvc-"))
    .map((f) => `${f.object.kind} ${f.object.namespace ?? ""}/${f.object.name}: ${f.reason}`)
    .sort();
}

function names(answer: Answer): string[] {
  const table = answer.parts.find((p): p is TablePart => p.type === "table");
  if (!table) return [];
  const column = table.nameColumn ?? 0;
  return table.rows.map((row) => String(row[column])).sort();
}

const liveRun = (calls: ToolCall[]) => live.answers.answerCalls(question("round trip"), calls);

describe.each([
  ["the --output-directory tree", () => dumpDir],
  ["the standard-output stream", () => dumpStream],
])("a real kubectl cluster-info dump, as %s, answers like the live demo", (_label, path) => {
  let snapshot: Awaited<ReturnType<typeof startSnapshotStack>>;
  beforeAll(async () => {
    snapshot = await startSnapshotStack(path());
  });
  afterAll(async () => snapshot?.close());

  it("diagnoses the same problems in what the dump holds (pods, workloads, services, nodes)", async () => {
    const calls = [{ tool: "diagnose", args: { all_namespaces: true } }];
    const [fromLive, fromSnapshot] = await Promise.all([liveRun(calls), snapshot.run(calls)]);
    expect(findings(fromSnapshot).length).toBeGreaterThan(5);
    expect(findings(fromSnapshot)).toEqual(findings(fromLive));
  });

  it("lists the same pods, deployments and services", async () => {
    for (const kind of ["pods", "deployments", "services", "nodes", "daemonsets"]) {
      const calls = [{ tool: "get_resources", args: { kind, all_namespaces: true } }];
      const [fromLive, fromSnapshot] = await Promise.all([liveRun(calls), snapshot.run(calls)]);
      expect(names(fromSnapshot), kind).toEqual(names(fromLive));
      expect(names(fromSnapshot).length, kind).toBeGreaterThan(0);
    }
  });

  it("shows the same events of a namespace", async () => {
    const calls = [{ tool: "get_events", args: { namespace: "shop" } }];
    const [fromLive, fromSnapshot] = await Promise.all([liveRun(calls), snapshot.run(calls)]);
    const messages = (a: Answer) =>
      (a.parts.find((p): p is TablePart => p.type === "table")?.rows ?? []).map((row) => row.at(-1)).sort();
    expect(messages(fromSnapshot).length).toBeGreaterThan(0);
    expect(messages(fromSnapshot)).toEqual(messages(fromLive));
  });

  it("serves the captured log of a crashing container", async () => {
    const pods = await liveRun([{ tool: "get_resources", args: { kind: "pods", namespace: "shop" } }]);
    const checkout = names(pods).find((name) => name.startsWith("checkout-")) as string;
    const calls = [{ tool: "get_pod_logs", args: { name: checkout, namespace: "shop" } }];
    const [fromLive, fromSnapshot] = await Promise.all([liveRun(calls), snapshot.run(calls)]);
    const code = (a: Answer) => a.parts.find((p) => p.type === "code");
    expect(code(fromSnapshot)).toBeDefined();
    expect(code(fromSnapshot)).toEqual(code(fromLive));
  });

  it("describes a deployment with the same facts", async () => {
    const calls = [
      { tool: "describe_resource", args: { kind: "deployments", name: "catalog", namespace: "shop" } },
    ];
    const [fromLive, fromSnapshot] = await Promise.all([liveRun(calls), snapshot.run(calls)]);
    expect(fromSnapshot.calls[0].ok).toBe(true);
    expect(fromSnapshot.summary).toEqual(fromLive.summary);
  });

  it("says on every answer when the snapshot was taken, and that it holds no metrics", async () => {
    const answer = await snapshot.run([{ tool: "top", args: { kind: "pods", namespace: "shop" } }]);
    expect(answer.notes[0]).toMatch(/^snapshot taken \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
    expect(answer.calls[0].ok).toBe(false);
    expect(answer.calls[0].error?.message).toContain("no metrics in this snapshot");
  });

  it("never serves a Secret, and the dump's Endpoints are rebuilt", async () => {
    expect(snapshot.snapshot.objects.some((o) => o.kind === "Secret")).toBe(false);
    expect(snapshot.snapshot.remarks.join("\n")).toContain("rebuilt from Services and Pods");
  });
});
