import type { KubeObject } from "../../core/ports.js";
import type { ContainerLog } from "../sample/sample-context.js";

export type SnapshotLayout =
  | "cluster-info-dump"
  | "cluster-info-dump-stream"
  | "support-bundle"
  | "manifests";

/** A cluster as a snapshot captured it, ready for the simulated API server to serve read-only. */
export interface Snapshot {
  /** The path it was loaded from. */
  source: string;
  layout: SnapshotLayout;
  objects: KubeObject[];
  /** `namespace/pod/container` → the captured log (current and, where captured, previous). */
  logs: Map<string, ContainerLog>;
  /** When the snapshot was taken (ms since the epoch): ages and time windows count from here. */
  takenAt: number;
  /** Where `takenAt` came from: the bundle's metadata or the newest timestamp in it. */
  takenAtSource: "metadata" | "newest-timestamp";
  /** What was left out or rebuilt, each said once: Secrets, kinds nothing serves, Endpoints rebuilt from Services. */
  remarks: string[];
}

/** A snapshot that cannot be loaded: the message names the file and what is wrong with it. */
export class SnapshotError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = "SnapshotError";
  }
}

/** "snapshot taken 2025-03-04 10:22 UTC": the words every answer about a snapshot carries. */
export function snapshotTakenNote(takenAt: number): string {
  const iso = new Date(takenAt).toISOString();
  return `snapshot taken ${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
