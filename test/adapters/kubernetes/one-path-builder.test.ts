import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../../../src");
// The simulated cluster parses paths (it is the server); RBAC rules name URL patterns, not requests.
const ALLOWED = new Set(["adapters/kubernetes/api-paths.ts", "core/tools/read-rules.ts"]);
// A Kubernetes API path in code: a namespaced segment, a group path, or a core resource path.
const API_PATH = /["'`]\/apis\b|\/namespaces\/|["'`]\/api\/v1\/[a-z$]/;
// K8Helper's own REST API lives under /api/v1 too; those are its routes, not the cluster's.
const OWN_ROUTES = /\/api\/v1\/(query|health|ready|tools|alerts|openapi\.json)\b/;
// A comment that names a path builds none.
const COMMENT = /^\s*(\/\/|\/\*|\*)/;

const buildsClusterPath = (line: string) =>
  API_PATH.test(line) && !OWN_ROUTES.test(line) && !COMMENT.test(line);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

describe("one module builds Kubernetes API paths (ARCHITECTURE.md)", () => {
  it("finds no API path built anywhere else in src", () => {
    const offenders = sourceFiles(SRC)
      .map((file) => relative(SRC, file))
      .filter((file) => !file.startsWith("demo/") && !ALLOWED.has(file))
      .flatMap((file) =>
        readFileSync(join(SRC, file), "utf8")
          .split("\n")
          .map((line, index) => ({ file, line: index + 1, text: line }))
          .filter(({ text }) => buildsClusterPath(text)),
      );
    expect(offenders).toEqual([]);
  });

  it("would notice one", () => {
    expect(buildsClusterPath('path: "/api/v1/namespaces/" + ns + "/pods"')).toBe(true);
    expect(buildsClusterPath('metrics("/apis/metrics.k8s.io/v1beta1/nodes")')).toBe(true);
    expect(buildsClusterPath('const url = "/api/v1/pods"')).toBe(true);
    expect(buildsClusterPath('fetch(web + "/api/v1/query")')).toBe(false);
  });
});
