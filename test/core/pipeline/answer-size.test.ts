import { describe, expect, it } from "vitest";
import type { Answer, AnswerPart } from "../../../src/core/answer.js";
import { capAnswerSize } from "../../../src/core/pipeline/answer-size.js";

const answerWith = (parts: AnswerPart[]): Answer =>
  ({ language: "en", parts, notes: [], summary: "", calls: [], refusal: null }) as unknown as Answer;
const sizeOf = (parts: AnswerPart[]) => new TextEncoder().encode(JSON.stringify(parts)).length;

describe("capAnswerSize", () => {
  it("keeps whole lines of a long log and marks it cut", () => {
    const code = Array.from({ length: 5000 }, (_, i) => `line ${i} 日志 "quoted"`).join("\n");
    const capped = capAnswerSize(answerWith([{ type: "code", title: "log", language: "log", code }]), 2048);
    expect(sizeOf(capped.parts)).toBeLessThanOrEqual(2048);
    const part = capped.parts[0] as Extract<AnswerPart, { type: "code" }>;
    expect(part.truncated).toBe(true);
    expect(code.startsWith(part.code)).toBe(true);
    expect(part.code.endsWith('"quoted"')).toBe(true);
  });

  it("cuts one line longer than the limit by characters", () => {
    const code = "x".repeat(250_000);
    const capped = capAnswerSize(answerWith([{ type: "code", title: "log", language: "log", code }]), 2048);
    expect(sizeOf(capped.parts)).toBeLessThanOrEqual(2048);
    expect((capped.parts[0] as { code: string }).code.length).toBeGreaterThan(1500);
  });

  it("keeps the rows that fit and leaves later parts out, with one note", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`pod-${i}`, "Running"]);
    const table: AnswerPart = {
      type: "table",
      title: "pods",
      columns: ["NAME", "STATUS"],
      rows,
      unhealthyRows: [3, 900],
    };
    const text: AnswerPart = { type: "text", title: "after", text: "more" };
    const capped = capAnswerSize(answerWith([table, text]), 4096);
    expect(sizeOf(capped.parts)).toBeLessThanOrEqual(4096);
    expect(capped.parts).toHaveLength(1);
    const kept = capped.parts[0] as Extract<AnswerPart, { type: "table" }>;
    expect(kept.rows.length).toBeGreaterThan(50);
    expect(kept.unhealthyRows).toEqual([3]);
    expect(capped.notes).toEqual([expect.stringMatching(/2 parts were cut or left out/)]);
  });
});
