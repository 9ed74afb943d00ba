import { describe, expect, it } from "vitest";
import { createAuditLog } from "../../../src/adapters/audit/audit-log.js";
import { createLogger } from "../../../src/adapters/logging/create-logger.js";
import type { Logger } from "../../../src/core/ports.js";
import { sampleAnswer, sampleCall, sampleQuestion } from "../metrics/sample-answer.js";

function captureAudit() {
  const lines: string[] = [];
  const logger = createLogger({
    level: "info",
    destination: { write: (line: string) => void lines.push(line) },
  });
  return {
    audit: createAuditLog(logger),
    lines,
    records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe("createAuditLog", () => {
  it("writes one line per question with who, where, what was read and how it ended", () => {
    const { audit, records } = captureAudit();
    audit.answered(
      sampleQuestion({ user: "U123", channel: "C456", frontend: "slack", requestId: "r-9" }),
      sampleAnswer({
        requestId: "r-9",
        planner: "hybrid",
        model: "gpt-4o-mini",
        tokens: { in: 900, out: 60 },
        timings: { totalMs: 812, planningMs: 5, clusterMs: 300, llmMs: 500 },
        calls: [
          sampleCall(),
          sampleCall({
            tool: "get_events",
            args: { namespace: "kube-system" },
            ok: false,
            error: { code: "forbidden", message: "no" },
          }),
        ],
      }),
    );
    const lines = records();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      event: "audit",
      requestId: "r-9",
      frontend: "slack",
      user: "U123",
      channel: "C456",
      question: "show pods in kube-system",
      planner: "hybrid",
      model: "gpt-4o-mini",
      outcome: "answered",
      durationMs: 812,
      tokens: { in: 900, out: 60 },
      calls: [
        { tool: "get_resources", args: { kind: "pods", namespace: "kube-system" }, ok: true },
        { tool: "get_events", args: { namespace: "kube-system" }, ok: false, error: "forbidden" },
      ],
    });
    expect(lines[0]!.time).toEqual(expect.any(String));
  });

  it("records refusals and cached answers with their outcome", () => {
    const { audit, records } = captureAudit();
    audit.answered(
      sampleQuestion(),
      sampleAnswer({ refusal: "K8Helper is read-only: it cannot delete pods.", calls: [] }),
    );
    audit.answered(sampleQuestion(), sampleAnswer({ cached: true }));
    expect(records().map((record) => record.outcome)).toEqual(["refused", "cached"]);
    expect(records()[0]).toMatchObject({
      refusal: "K8Helper is read-only: it cannot delete pods.",
      calls: [],
      tokens: { in: 0, out: 0 },
    });
  });

  it("redacts secrets in the question and in call arguments", () => {
    const { audit, lines } = captureAudit();
    const question = "why does my app fail with password=Sup3rS3cret! and token xoxb-9999-8888-abcdefgh";
    audit.answered(
      sampleQuestion({ text: question }),
      sampleAnswer({
        calls: [
          sampleCall({
            tool: "get_resources",
            args: { kind: "pods", label_selector: "api_key=AbCdEf123456" },
          }),
        ],
      }),
    );
    const output = lines.join("");
    expect(output).not.toContain("Sup3rS3cret!");
    expect(output).not.toContain("xoxb-9999-8888-abcdefgh");
    expect(output).not.toContain("AbCdEf123456");
    expect(output).toContain("why does my app fail");
  });

  it("never throws into the pipeline when the logger fails", () => {
    const errors: Record<string, unknown>[] = [];
    const brokenLogger: Logger = {
      debug() {},
      info() {
        throw new Error("disk full");
      },
      warn() {},
      error(fields) {
        errors.push(fields);
      },
    };
    const audit = createAuditLog(brokenLogger);
    expect(() => audit.answered(sampleQuestion(), sampleAnswer())).not.toThrow();
    expect(errors).toEqual([expect.objectContaining({ event: "audit_failed", error: "disk full" })]);
  });
});
