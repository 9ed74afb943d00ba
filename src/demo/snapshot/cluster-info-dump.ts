import { createReadStream } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { CapturedLogs } from "./captured-logs.js";
import type { KindHint, ObjectCollector } from "./collect-objects.js";
import { maxResourceFileBytes, readDocuments, readLogTail } from "./read-files.js";
import { SnapshotError } from "./snapshot.js";

/** The per-namespace files `kubectl cluster-info dump --output-directory` writes, with the kind of their items. */
const dumpFiles: Record<string, KindHint> = {
  "pods.json": { apiVersion: "v1", kind: "Pod" },
  "services.json": { apiVersion: "v1", kind: "Service" },
  "events.json": { apiVersion: "v1", kind: "Event" },
  "replication-controllers.json": { apiVersion: "v1", kind: "ReplicationController" },
  "replicationcontrollers.json": { apiVersion: "v1", kind: "ReplicationController" },
  "deployments.json": { apiVersion: "apps/v1", kind: "Deployment" },
  "replicasets.json": { apiVersion: "apps/v1", kind: "ReplicaSet" },
  "daemonsets.json": { apiVersion: "apps/v1", kind: "DaemonSet" },
};

/** A `--output-directory` tree: `nodes.json`, then `<namespace>/<kind>.json` and `<namespace>/<pod>/logs.txt`. */
export async function loadDumpDirectory(
  root: string,
  objects: ObjectCollector,
  logs: CapturedLogs,
): Promise<void> {
  for (const document of await readDocuments(join(root, "nodes.json")))
    objects.add(document, "nodes.json", { apiVersion: "v1", kind: "Node" });
  const namespaces = (await readdir(root, { withFileTypes: true })).filter((e) => e.isDirectory());
  for (const namespace of namespaces) {
    objects.add(
      { apiVersion: "v1", kind: "Namespace", metadata: { name: namespace.name } },
      `${namespace.name}/ (a namespace folder)`,
    );
    const dir = join(root, namespace.name);
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isFile() && dumpFiles[entry.name]) {
        for (const document of await readDocuments(path))
          objects.add(document, `${namespace.name}/${entry.name}`, dumpFiles[entry.name]);
      } else if (entry.isDirectory()) {
        const logFile = join(path, "logs.txt");
        const text = await readLogTail(logFile).catch(() => undefined);
        if (text !== undefined) logs.addDumpSections(text);
      }
    }
  }
}

/** Counts `{`/`}` outside strings, so concatenated pretty-printed JSON documents can be split as they stream by. */
class JsonDocumentSplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private buffer: string[] = [];
  private bytes = 0;

  constructor(private readonly file: string) {}

  /** Feeds one line; returns a whole document when this line closes one. */
  feed(line: string): string | undefined {
    if (this.depth === 0 && line.trim() === "") return undefined;
    this.buffer.push(line);
    this.bytes += line.length + 1;
    if (this.bytes > maxResourceFileBytes)
      throw new SnapshotError(
        this.file,
        "a JSON document in the dump is larger than the 512 MiB a snapshot file may hold",
      );
    for (const char of line) {
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (char === "\\") this.escaped = true;
        else if (char === '"') this.inString = false;
      } else if (char === '"') this.inString = true;
      else if (char === "{" || char === "[") this.depth += 1;
      else if (char === "}" || char === "]") this.depth -= 1;
    }
    if (this.depth > 0) return undefined;
    if (this.depth < 0)
      throw new SnapshotError(this.file, "unbalanced braces: this is not a cluster-info dump");
    const document = this.buffer.join("\n");
    this.buffer = [];
    this.bytes = 0;
    return document;
  }

  get open(): boolean {
    return this.buffer.length > 0;
  }
}

/**
 * `kubectl cluster-info dump` on standard output: JSON lists one after another, then the logs in
 * `==== START logs for container … ====` sections. Read line by line, never as one string.
 */
export async function loadDumpStream(
  file: string,
  objects: ObjectCollector,
  logs: CapturedLogs,
): Promise<void> {
  const splitter = new JsonDocumentSplitter(file);
  let logSection: string[] | undefined;
  let lineNumber = 0;
  const lines = createInterface({
    input: createReadStream(file, "utf8"),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    lineNumber += 1;
    if (logSection) {
      logSection.push(line);
      if (line.startsWith("==== END logs for container ")) {
        logs.addDumpSections(logSection.join("\n"));
        logSection = undefined;
      }
      continue;
    }
    if (!splitter.open && line.startsWith("==== START logs for container ")) {
      logSection = [line];
      continue;
    }
    const text = splitter.feed(line);
    if (text === undefined) continue;
    try {
      objects.add(JSON.parse(text), file);
    } catch {
      throw new SnapshotError(file, `line ${lineNumber}: not valid JSON: this is not a cluster-info dump`);
    }
  }
  if (splitter.open) throw new SnapshotError(file, "ends inside a JSON document: the dump is truncated");
}
