import {
  closeSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSnapshot } from "../../../src/demo/snapshot/load-snapshot.js";
import { maxResourceFileBytes } from "../../../src/demo/snapshot/read-files.js";
import { writeBundleArchive } from "../../fixtures/support-bundle.js";

const scratch = () => mkdtempSync(join(tmpdir(), "snapshot-input-"));

const pod = (name: string, namespace: string, created: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\n  creationTimestamp: "${created}"\nspec:\n  containers: [{name: app, image: nginx}]\n`;

describe("a folder of kubectl get -o yaml|json files", () => {
  it("reads single objects, Lists and multi-document YAML, keeps no Secret, and dates itself by its newest timestamp", async () => {
    const dir = scratch();
    mkdirSync(join(dir, "web"));
    writeFileSync(
      join(dir, "web", "pods.yaml"),
      `${pod("web-1", "web", "2025-01-01T10:00:00Z")}---\n${pod("web-2", "web", "2025-01-01T11:00:00Z")}`,
    );
    writeFileSync(
      join(dir, "list.json"),
      JSON.stringify({
        apiVersion: "v1",
        kind: "List",
        items: [{ apiVersion: "v1", kind: "Namespace", metadata: { name: "web" } }],
      }),
    );
    writeFileSync(
      join(dir, "secret.yaml"),
      "apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: web}\ndata: {password: aHVudGVyMg==}\n",
    );
    writeFileSync(
      join(dir, "lease.yaml"),
      "apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata: {name: l, namespace: web}\n",
    );
    const snapshot = await loadSnapshot(dir);
    expect(snapshot.layout).toBe("manifests");
    expect(snapshot.objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual([
      "Namespace/web",
      "Pod/web-1",
      "Pod/web-2",
    ]);
    expect(snapshot.takenAt).toBe(Date.parse("2025-01-01T11:00:00Z"));
    expect(snapshot.takenAtSource).toBe("newest-timestamp");
    expect(snapshot.remarks).toEqual([
      "1 Secret (never served)",
      "1 Lease (coordination.k8s.io/v1): not a kind the snapshot server serves",
    ]);
  });

  it("loads one file on its own", async () => {
    const file = join(scratch(), "pod.yaml");
    writeFileSync(file, pod("solo", "default", "2025-02-02T02:02:02Z"));
    const snapshot = await loadSnapshot(file);
    expect(snapshot.objects).toHaveLength(1);
  });
});

describe("bad input: a clear error naming the file, nothing loaded", () => {
  it("a path that does not exist", async () => {
    await expect(loadSnapshot("/nonexistent/bundle.tar.gz")).rejects.toThrow(
      "/nonexistent/bundle.tar.gz: no such file or folder",
    );
  });

  it("a truncated .tar.gz", async () => {
    const dir = scratch();
    const archive = await writeBundleArchive(dir);
    const truncated = join(dir, "truncated.tar.gz");
    const bytes = readFileSync(archive);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(loadSnapshot(truncated)).rejects.toThrow(
      /truncated\.tar\.gz: cannot unpack the archive: it is truncated or not a \.tar\.gz/,
    );
  });

  it("a file in a dump that is not JSON", async () => {
    const dir = scratch();
    writeFileSync(join(dir, "nodes.json"), JSON.stringify({ kind: "NodeList", apiVersion: "v1", items: [] }));
    mkdirSync(join(dir, "shop"));
    writeFileSync(join(dir, "shop", "pods.json"), "{ this is not json");
    await expect(loadSnapshot(dir)).rejects.toThrow(/shop\/pods\.json: not valid JSON/);
  });

  it("a folder of no known layout", async () => {
    const dir = scratch();
    writeFileSync(join(dir, "notes.txt"), "hello");
    await expect(loadSnapshot(dir)).rejects.toThrow(/unknown layout/);
  });

  it("a file larger than a snapshot file may be, without reading it", async () => {
    const dir = scratch();
    writeFileSync(join(dir, "nodes.json"), JSON.stringify({ kind: "NodeList", apiVersion: "v1", items: [] }));
    mkdirSync(join(dir, "shop"));
    const huge = join(dir, "shop", "pods.json");
    const fd = openSync(huge, "w");
    ftruncateSync(fd, maxResourceFileBytes + 1); // sparse: no disk used, no memory read
    closeSync(fd);
    await expect(loadSnapshot(dir)).rejects.toThrow(/shop\/pods\.json: 512 MiB is more than the 512 MiB/);
  });

  it("a file that holds no Kubernetes objects", async () => {
    const file = join(scratch(), "empty.yaml");
    writeFileSync(file, "just: a value\n");
    await expect(loadSnapshot(file)).rejects.toThrow(/holds no Kubernetes objects/);
  });

  it("a dump stream cut off inside a JSON document", async () => {
    const file = join(scratch(), "dump.txt");
    writeFileSync(file, '{\n    "kind": "NodeList",\n    "apiVersion": "v1",\n    "items": [\n');
    await expect(loadSnapshot(file)).rejects.toThrow(
      /dump\.txt: ends inside a JSON document: the dump is truncated/,
    );
  });
});
