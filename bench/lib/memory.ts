import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

export interface MemorySample {
  rssMiB: number;
  heapUsedMiB: number;
}

const mib = (bytes: number) => bytes / 2 ** 20;

/** Memory after a full garbage collection (and a moment for timers to let go), so before/after compare like with like. */
export async function settledMemory(): Promise<MemorySample> {
  for (let i = 0; i < 3; i++) {
    collect();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const usage = process.memoryUsage();
  return { rssMiB: mib(usage.rss), heapUsedMiB: mib(usage.heapUsed) };
}
