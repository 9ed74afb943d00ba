import { describe, expect, it } from "vitest";
import { writeYaml } from "../../../src/adapters/format/yaml-writer.js";
import type { KubeObject } from "../../../src/core/ports.js";
import { redactText } from "../../../src/core/redact.js";
import { summariseCalls } from "../../../src/core/summary/summarise.js";
import type { ToolContext } from "../../../src/core/tools/define-tool.js";
import { diagnose } from "../../../src/core/tools/diagnose.js";
import { createFakeCluster, object } from "../../helpers/fake-cluster.js";

// Generated over name pairs, including a healthy name that is the prefix of the broken one (api / api-gateway).
const PAIRS: [string, string][] = [
  ["api", "api-gateway"],
  ["web", "checkout"],
  ["orders-v2", "orders"],
];
const NOW = Date.parse("2026-12-03T10:00:00Z");

function deployment(namespace: string, name: string, ready: number): KubeObject {
  return object("Deployment", namespace, name, {
    spec: { replicas: 2, template: { spec: { containers: [] } } },
    status: { replicas: 2, readyReplicas: ready, availableReplicas: ready },
  });
}

function contextFor(up: string, down: string): ToolContext {
  const objects = [
    object("Namespace", undefined, "edge"),
    object("Namespace", undefined, "quiet"),
    deployment("edge", up, 2),
    deployment("edge", down, 0),
    deployment("quiet", `${down}-copy`, 0),
  ];
  return {
    cluster: createFakeCluster({ objects }),
    scope: {},
    redact: redactText,
    toYaml: writeYaml,
    clock: { now: () => NOW },
  };
}

const summaryOf = async (context: ToolContext, args: Record<string, unknown>, language: "en" | "zh") => {
  const output = await diagnose.run(context, args);
  const record = { tool: "diagnose", args, ok: true, durationMs: 1, facts: output.facts };
  return {
    output,
    summary: summariseCalls(language, [{ record, parts: [], notes: output.notes ?? [] }], ""),
  };
};

describe.each(PAIRS)("%s up beside %s down", (up, down) => {
  it("a namespace's problems come with what in it is up", async () => {
    const { output, summary } = await summaryOf(contextFor(up, down), { namespace: "edge" }, "en");
    expect(output.facts?.healthyBeside).toEqual([`deployment edge/${up}: 2/2 ready, 2 available`]);
    expect(summary).toContain(`Up: deployment edge/${up}`);
  });
});
