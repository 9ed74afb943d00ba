import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ContainerOverrides } from "../container.js";
import { CodedError } from "../core/errors.js";
import { type SimulatedCluster, startSimulatedCluster } from "../demo/cluster-server.js";
import { type LoadedSnapshot, loadSnapshot } from "../demo/snapshot/load-snapshot.js";
import { SnapshotError, snapshotTakenNote } from "../demo/snapshot/snapshot.js";

/** A snapshot served by the simulated API server in this process, and what the container needs to ask it. */
export interface SnapshotCluster {
  snapshot: LoadedSnapshot;
  cluster: SimulatedCluster;
  /** `--kubeconfig`/`--context` for the container. */
  flags: { kubeconfig: string; context: string };
  /** The snapshot's clock (ages and "last hour" count from when it was taken) and the note every answer carries. */
  overrides: Pick<ContainerOverrides, "clock" | "answerNote">;
  /** "snapshot taken 2025-03-04 10:22 UTC", on every answer. */
  note: string;
  close(): Promise<void>;
}

const layoutNames: Record<LoadedSnapshot["layout"], string> = {
  "cluster-info-dump": "kubectl cluster-info dump folder",
  "cluster-info-dump-stream": "kubectl cluster-info dump output",
  "support-bundle": "troubleshoot.sh support bundle",
  manifests: "kubectl get -o yaml/json files",
};

/** One line for the terminal: what was loaded, from where, and what was left out. */
export function describeSnapshot(snapshot: LoadedSnapshot): string {
  const lines = [
    `Snapshot: ${snapshot.source} (${layoutNames[snapshot.layout]}), ${snapshotTakenNote(snapshot.takenAt)}${
      snapshot.takenAtSource === "newest-timestamp" ? " (its newest timestamp)" : ""
    }: ${snapshot.objects.length} objects, ${snapshot.logs.size} container logs`,
  ];
  for (const remarks of snapshot.remarks) lines.push(`  note: ${remarks}`);
  return `${lines.join("\n")}\n`;
}

/** Loads a snapshot, or fails as a CLI error naming the file. */
export async function loadSnapshotForCli(path: string): Promise<LoadedSnapshot> {
  try {
    return await loadSnapshot(path);
  } catch (error) {
    if (error instanceof SnapshotError)
      throw new CodedError("bad_request", `cannot load the snapshot: ${error.message}`);
    throw error;
  }
}

/** Starts the simulated API server on a snapshot, with a kubeconfig of its own in a private temporary folder. */
export async function startSnapshotCluster(
  path: string,
  progress: (line: string) => void,
): Promise<SnapshotCluster> {
  progress(`Loading snapshot ${path}…\n`);
  const snapshot = await loadSnapshotForCli(path);
  progress(describeSnapshot(snapshot));
  const dir = mkdtempSync(join(tmpdir(), "k8helper-snapshot-kubeconfig-"));
  const context = `snapshot-${new Date(snapshot.takenAt).toISOString().replace(/[-:]|\.\d+/g, "")}`;
  const cluster = await startSimulatedCluster({
    snapshot,
    kubeconfigOut: join(dir, "kubeconfig"),
    contextName: context,
  });
  return {
    snapshot,
    cluster,
    flags: { kubeconfig: cluster.kubeconfigPath, context },
    overrides: { clock: { now: cluster.now }, answerNote: snapshotTakenNote(snapshot.takenAt) },
    note: snapshotTakenNote(snapshot.takenAt),
    close: async () => {
      await cluster.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `--snapshot` names the cluster; `--kubeconfig`/`--context` would name another. */
export function checkSnapshotFlags(flags: {
  snapshot?: string;
  kubeconfig?: string;
  context?: string;
}): void {
  if (flags.snapshot && (flags.kubeconfig || flags.context))
    throw new CodedError(
      "bad_request",
      "--snapshot serves its own cluster: leave out --kubeconfig and --context",
    );
}
