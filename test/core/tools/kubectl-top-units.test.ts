import { describe, expect, it } from "vitest";
import type { ExecutedCall } from "../../../src/core/ports.js";
import { summariseCalls } from "../../../src/core/summary/summarise.js";
import { formatCpu, formatMemory, formatPercent } from "../../../src/core/tools/quantity-format.js";

/** A small deterministic generator, so each run checks the same spread of values. */
function numbers(seed: number, count: number, max: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % max;
  });
}

/** kubectl's own arithmetic in integers: MilliValue rounds nanocores up, memory and percents drop the rest. */
const kubectlMillicores = (nanocores: bigint) => (nanocores + 999_999n) / 1_000_000n;
const kubectlMebibytes = (bytes: bigint) => bytes / 1_048_576n;

describe("kubectl top's units", () => {
  it("rounds CPU up to the millicore as kubectl does, for sums of containers in nanocores", () => {
    const containers = numbers(7, 300, 400_000_000);
    for (let index = 0; index + 2 < containers.length; index += 3) {
      const parts = containers.slice(index, index + 3);
      const nanocores = parts.reduce((sum, part) => sum + BigInt(part), 0n);
      const millicores = parts.reduce((sum, part) => sum + (part / 1e9) * 1000, 0);
      expect(formatCpu(millicores)).toBe(`${kubectlMillicores(nanocores)}m`);
    }
  });

  it("keeps whole millicores whole", () => {
    for (const millicores of numbers(11, 100, 8000)) expect(formatCpu(millicores)).toBe(`${millicores}m`);
  });

  it("prints memory in whole Mi, the remainder dropped", () => {
    for (const kibibytes of numbers(13, 200, 32 * 1024 * 1024).filter((value) => value >= 1024)) {
      const bytes = kibibytes * 1024;
      expect(formatMemory(bytes)).toBe(`${kubectlMebibytes(BigInt(bytes))}Mi`);
    }
  });

  it("prints a percent of allocatable with the fraction dropped, past 100% too", () => {
    const capacities = numbers(17, 100, 16_000).map((value) => value + 1000);
    numbers(19, 100, 20_000).forEach((used, index) => {
      const capacity = capacities[index];
      expect(formatPercent(used, capacity)).toBe(`${(BigInt(used) * 100n) / BigInt(capacity)}%`);
    });
    expect(formatPercent(5, 0)).toBeUndefined();
  });
});

describe("the top summary", () => {
  const node = (name: string, cpu: string, memory: string, cpuPercent: string, memoryPercent: string) => ({
    name,
    cpu,
    memory,
    cpuPercent,
    memoryPercent,
  });
  const call = (sortBy?: string): ExecutedCall => ({
    record: {
      tool: "top",
      args: { kind: "nodes", ...(sortBy ? { sort_by: sortBy } : {}) },
      ok: true,
      durationMs: 1,
      facts: {
        top: numbers(23, 3, 4000).map((cpu, i) =>
          node(`n-${i}`, `${cpu}m`, `${cpu * 3}Mi`, `${i}%`, `${100 + i}%`),
        ),
      },
    },
    parts: [],
    notes: [],
  });

  it.each(["en", "zh"] as const)(
    "%s: names each node's CPU and memory with kubectl's percents",
    (language) => {
      for (const sortBy of [undefined, "cpu", "memory"]) {
        const summary = summariseCalls(language, [call(sortBy)]);
        for (const entry of (call(sortBy).record.facts as { top: ReturnType<typeof node>[] }).top) {
          for (const value of [entry.cpu, entry.memory, entry.cpuPercent, entry.memoryPercent]) {
            expect(summary).toContain(value);
          }
        }
      }
    },
  );
});
