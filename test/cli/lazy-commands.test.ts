import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../../src");
// Static value imports only: `import type` is erased, `import()` is the lazy load this test wants.
const STATIC_IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?!type\b)[^"';]*?from\s+["']([^"']+)["']/g;

/** Every module the file loads before its first line runs, followed through the repository's own files. */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.startsWith("/")) return;
    for (const [, specifier] of readFileSync(file, "utf8").matchAll(STATIC_IMPORT)) {
      if (!specifier.startsWith(".")) {
        seen.add(specifier);
        continue;
      }
      const target = resolve(dirname(file), specifier).replace(/\.js$/, ".ts");
      if (existsSync(target)) visit(target);
    }
  };
  visit(resolve(SRC, entry));
  return seen;
}

describe("k8helper's start-up loads each command's modules only when it runs (issue 17)", () => {
  it("registering the commands loads no container, pipeline, cluster client, Slack or LLM SDK", () => {
    const loaded = [...staticClosure("cli/program.ts")].map((m) =>
      m.startsWith("/") ? relative(SRC, m) : m,
    );
    const heavy = loaded.filter((m) =>
      /^(container|main)\.ts$|^cli\/cli-container|^core\/pipeline|^adapters\/|^frontends\/(alerts|slack|http)|^@kubernetes|^@slack|^openai$|^zod$/.test(
        m,
      ),
    );
    expect(heavy).toEqual([]);
    expect(loaded).toContain("commander");
  });
});
