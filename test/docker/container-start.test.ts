import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const script = "scripts/container-start.sh";
const report =
  "console.log(JSON.stringify({ options: process.env.NODE_OPTIONS ?? '', heap: require('v8').getHeapStatistics().heap_size_limit }))";

/** Runs the image's entrypoint against a fake cgroup directory: the NODE_OPTIONS node got, V8's heap limit. */
async function started(
  cgroup: Record<string, string>,
  nodeOptions?: string,
): Promise<{ options: string; heap: number }> {
  const root = mkdtempSync(join(tmpdir(), "cgroup-"));
  for (const [file, content] of Object.entries(cgroup)) {
    mkdirSync(join(root, file, ".."), { recursive: true });
    writeFileSync(join(root, file), content);
  }
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", K8HELPER_CGROUP_ROOT: root };
  if (nodeOptions) env.NODE_OPTIONS = nodeOptions;
  const { stdout } = await run(script, [process.execPath, "-e", report], { env });
  return JSON.parse(stdout);
}

describe("the image's entrypoint sizes V8 from the container's memory limit", () => {
  it("caps the old space at half a cgroup v2 limit (384Mi → 192 MiB), which V8 then applies", async () => {
    const capped = await started({ "memory.max": `${384 * 1024 * 1024}\n` });
    expect(capped.options).toBe("--max-old-space-size=192");
    const unlimited = await started({ "memory.max": "max\n" });
    expect(unlimited.options).toBe("");
    expect(capped.heap).toBeLessThan(unlimited.heap);
  });

  it("reads cgroup v1 too, ignores v1's 'unlimited' number and leaves an explicit NODE_OPTIONS alone", async () => {
    const v1 = await started({ "memory/memory.limit_in_bytes": String(256 * 1024 * 1024) });
    expect(v1.options).toBe("--max-old-space-size=128");
    const v1Unlimited = await started({ "memory/memory.limit_in_bytes": "9223372036854771712" });
    expect(v1Unlimited.options).toBe("");
    const explicit = await started({ "memory.max": String(384 * 1024 * 1024) }, "--max-old-space-size=300");
    expect(explicit.options).toBe("--max-old-space-size=300");
  });

  it("runs bare arguments as the CLI (the chart's args: [serve])", async () => {
    const { stdout } = await run(script, ["--version"], { env: { PATH: process.env.PATH ?? "" } });
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  }, 120_000); // loads the whole CLI: slow on a busy machine
});
