// Preloaded into a benchmarked `k8helper serve` (NODE_OPTIONS=--import=…): on SIGUSR2 it runs a full GC and
// prints the process's RSS and live heap on stderr, so the bench reads the server's own figures.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc");
process.on("SIGUSR2", () => {
  for (let i = 0; i < 3; i++) collect();
  const { rss, heapUsed } = process.memoryUsage();
  process.stderr.write(`HEAP_PROBE ${JSON.stringify({ rss, heapUsed })}\n`);
});
