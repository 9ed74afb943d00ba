import { describe, expect, it } from "vitest";
import { createPrometheusMetrics } from "../../../src/adapters/metrics/prometheus.js";
import { sampleAnswer, sampleCall, sampleQuestion } from "./sample-answer.js";

describe("metrics labels stay bounded whatever callers send", () => {
  it("2,000 made-up tool names are one `unknown` series", async () => {
    const metrics = createPrometheusMetrics();
    for (let i = 0; i < 2_000; i++) {
      metrics.observer.answered(
        sampleQuestion({ frontend: "mcp" }),
        sampleAnswer({
          calls: [sampleCall({ tool: `made_up_${i}`, ok: false, error: { code: "refused", message: "x" } })],
        }),
      );
    }
    metrics.observer.answered(
      sampleQuestion(),
      sampleAnswer({ calls: [sampleCall({ tool: "get_resources" })] }),
    );
    const text = await metrics.registry.metrics();
    const series = text.split("\n").filter((line) => line.startsWith("k8helper_tool_calls_total{"));
    expect(series).toEqual([
      'k8helper_tool_calls_total{tool="unknown",result="refused"} 2000',
      'k8helper_tool_calls_total{tool="get_resources",result="ok"} 1',
    ]);
    expect(text).not.toContain("made_up_");
  });
});
