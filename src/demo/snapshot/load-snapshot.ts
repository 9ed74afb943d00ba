import { open, readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import type { TypeRegistry } from "../resource-types.js";
import { CapturedLogs } from "./captured-logs.js";
import { loadDumpDirectory, loadDumpStream } from "./cluster-info-dump.js";
import { ObjectCollector } from "./collect-objects.js";
import { deriveEndpoints } from "./derive-endpoints.js";
import { extractArchive } from "./extract-archive.js";
import { loadManifests } from "./manifest-folder.js";
import type { Snapshot, SnapshotLayout } from "./snapshot.js";
import { SnapshotError } from "./snapshot.js";
import { newestTimestamp, timeFromBundleName } from "./snapshot-time.js";
import { loadSupportBundle } from "./support-bundle.js";

export interface LoadedSnapshot extends Snapshot {
  types: TypeRegistry;
  /** The server version the snapshot recorded, when it did. */
  version?: Record<string, unknown>;
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** An archive's single top folder (`support-bundle-2025-03-04T10_22_33/`) is the bundle itself. */
async function bundleRoot(dir: string): Promise<string> {
  const items = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith("."));
  return items.length === 1 && items[0].isDirectory() ? join(dir, items[0].name) : dir;
}

async function directoryLayout(dir: string): Promise<SnapshotLayout | undefined> {
  if (await exists(join(dir, "cluster-resources"))) return "support-bundle";
  if (await exists(join(dir, "nodes.json"))) return "cluster-info-dump";
  return undefined;
}

async function startsLike(file: string): Promise<"gzip" | "text"> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(2);
    await handle.read(head, 0, 2, 0);
    return head[0] === 0x1f && head[1] === 0x8b ? "gzip" : "text";
  } finally {
    await handle.close();
  }
}

/** A dump on stdout holds more than one JSON document or log sections; one object or List is a manifest file. */
async function isDumpStream(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const text = head.subarray(0, bytesRead).toString("utf8");
    return /^\{\s*\n\s+"kind": "NodeList"/.test(text) || text.includes("\n==== START logs for container ");
  } finally {
    await handle.close();
  }
}

/**
 * Loads a snapshot in any supported layout: a `kubectl cluster-info dump` folder or stdout stream, a
 * troubleshoot.sh support bundle (`.tar.gz` or extracted), or a folder of `kubectl get -o yaml|json`
 * files. Fails whole, with the file named, rather than serve part of a snapshot silently.
 */
export async function loadSnapshot(path: string): Promise<LoadedSnapshot> {
  const info = await stat(path).catch(() => {
    throw new SnapshotError(path, "no such file or folder");
  });
  const objects = new ObjectCollector();
  const logs = new CapturedLogs();
  let layout: SnapshotLayout;
  let metadataTime: number | undefined;
  let version: Record<string, unknown> | undefined;
  let dispose: (() => Promise<void>) | undefined;
  try {
    let dir: string | undefined = info.isDirectory() ? path : undefined;
    if (!dir && (await startsLike(path)) === "gzip") {
      const extracted = await extractArchive(path);
      dispose = extracted.dispose;
      dir = await bundleRoot(extracted.dir);
      metadataTime = timeFromBundleName(basename(path));
    }
    if (dir) {
      const root = await bundleRoot(dir);
      const found = await directoryLayout(root);
      if (found === "support-bundle") {
        const bundle = await loadSupportBundle(root, objects, logs);
        version = bundle.version;
        metadataTime ??= timeFromBundleName(bundle.name);
        layout = "support-bundle";
      } else if (found === "cluster-info-dump") {
        await loadDumpDirectory(root, objects, logs);
        layout = "cluster-info-dump";
      } else {
        const files = await loadManifests(root, false, objects);
        if (files === 0)
          throw new SnapshotError(
            path,
            "unknown layout: no cluster-resources/ (support bundle), nodes.json (cluster-info dump) or .yaml/.json files",
          );
        layout = "manifests";
      }
    } else if (await isDumpStream(path)) {
      await loadDumpStream(path, objects, logs);
      layout = "cluster-info-dump-stream";
    } else {
      await loadManifests(path, true, objects);
      layout = "manifests";
    }
  } finally {
    await dispose?.();
  }
  const collected = objects.finish();
  if (collected.objects.length === 0)
    throw new SnapshotError(path, "holds no Kubernetes objects K8Helper can serve");
  if (!collected.objects.some((o) => o.kind === "Endpoints")) {
    const endpoints = deriveEndpoints(collected.objects);
    if (endpoints.length > 0) {
      collected.objects.push(...endpoints);
      collected.remarks.push(`Endpoints: none captured, ${endpoints.length} rebuilt from Services and Pods`);
    }
  }
  const newest = newestTimestamp(collected.objects);
  const takenAt = metadataTime ?? newest ?? info.mtimeMs;
  return {
    source: path,
    layout,
    objects: collected.objects,
    logs: logs.finish(takenAt),
    takenAt,
    takenAtSource: metadataTime !== undefined ? "metadata" : "newest-timestamp",
    remarks: collected.remarks,
    types: collected.types,
    version,
  };
}
