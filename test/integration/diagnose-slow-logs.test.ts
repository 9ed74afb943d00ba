import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FindingsPart } from "../../src/core/answer.js";
import { startTestStack, type TestStack } from "../helpers/answer-service.js";
import { question } from "../helpers/question.js";

/** A slow log read costs the crash-log evidence, not the diagnosis. */
describe("diagnose with a slow log endpoint", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { K8HELPER_TOOL_TIMEOUT_MS: "10000" } });
  });
  afterAll(async () => {
    stack.cluster.faults.clear();
    await stack.close();
  });

  it("answers with every finding and leaves out the log lines that did not come in time", async () => {
    stack.cluster.faults.set({ latencyMs: 30_000, pathPattern: /\/pods\/[^/]+\/log/ });
    const answer = await stack.answers.answer(question("what's wrong in namespace shop?"));
    expect(answer.calls).toMatchObject([{ tool: "diagnose", ok: true }]);
    const findings = answer.parts.find((part): part is FindingsPart => part.type === "findings")!.findings;
    const crashLoop = findings.find((finding) => finding.reason === "CrashLoopBackOff")!;
    expect(crashLoop.evidence.length).toBeGreaterThan(0);
    expect(crashLoop.evidence.some((line) => line.startsWith("previous log:"))).toBe(false);
    expect(stack.cluster.requests.some((request) => request.path.endsWith("/log"))).toBe(true);
  });
});
