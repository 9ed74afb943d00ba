import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const CORE = resolve(import.meta.dirname, "../src/core");
const IMPORT = /(?:^|\n)\s*(?:import|export)[^"']*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Every import of a core file that is neither zod nor another core file. */
function foreignImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(IMPORT)]
    .map((match) => match[1] ?? match[2])
    .filter((specifier) => {
      if (specifier === "zod") return false;
      if (!specifier.startsWith(".")) return true;
      return relative(CORE, resolve(dirname(file), specifier)).startsWith("..");
    });
}

describe("the core's boundary (ARCHITECTURE.md: core/ imports zod and itself only)", () => {
  const files = sourceFiles(CORE);

  it("reads the core's files", () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it("imports nothing but zod and other core files", () => {
    const offenders = files.flatMap((file) =>
      foreignImports(file).map((specifier) => `${relative(CORE, file)} → ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });
});
