import { describe, expect, it } from "vitest";
import { writeYaml } from "../../../src/adapters/format/yaml-writer.js";
import { redactText } from "../../../src/core/redact.js";
import type { ToolContext } from "../../../src/core/tools/define-tool.js";
import { getPodLogs, MAX_LOG_BYTES } from "../../../src/core/tools/get-pod-logs.js";
import { createFakeCluster, pod } from "../../helpers/fake-cluster.js";

const lines = Array.from(
  { length: 5_000 },
  (_, index) => `line ${String(index).padStart(5, "0")} ${"x".repeat(90)}`,
);
const cluster = createFakeCluster({
  objects: [pod("shop", "chatty-1", { spec: { nodeName: "n1", containers: [{ name: "main" }] } })],
  logs: { "shop/chatty-1": lines.join("\n") },
});
const context: ToolContext = {
  cluster,
  scope: {},
  defaultNamespace: "shop",
  redact: redactText,
  toYaml: writeYaml,
  clock: { now: () => Date.parse("2026-11-25T12:00:00Z") },
};

describe("get_pod_logs on a log larger than it keeps", () => {
  it("asks the server for at most 256 KiB (limitBytes) and still shows the newest lines", async () => {
    const output = await getPodLogs.run(context, { name: "chatty-1", namespace: "shop", tail_lines: 5_000 });
    expect(cluster.logReads.length).toBeGreaterThan(0);
    for (const read of cluster.logReads) expect(read.limitBytes).toBe(MAX_LOG_BYTES + 1);
    const code = (output.parts[0] as { code: string }).code;
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(MAX_LOG_BYTES);
    expect(code.trimEnd().split("\n").at(-1)).toBe(lines.at(-1));
    expect(code.split("\n")[0]).toMatch(/^line \d{5} x+$/);
    expect(output.facts.truncated).toBe(false);
  });
});
