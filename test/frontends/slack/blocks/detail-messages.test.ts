import { describe, expect, it } from "vitest";
import type { Answer } from "../../../../src/core/answer.js";
import { renderAnswerMessage } from "../../../../src/frontends/slack/blocks/answer-message.js";
import { renderAnswerDetails } from "../../../../src/frontends/slack/blocks/detail-messages.js";
import { blockKitViolations } from "../../../fakes/slack-block-limits.js";
import { findings, podTable, sampleAnswer } from "../sample-answers.js";

function details(answer: Answer) {
  const { shown } = renderAnswerMessage(answer, { now: Date.now() });
  return renderAnswerDetails(answer, shown);
}

type TableRows = { type: string; rows?: { text?: string }[][] }[];

function tableNames(blocks: unknown[]): string[] {
  const table = (blocks as TableRows).find((block) => block.type === "table");
  return (table?.rows ?? []).slice(1).map((row) => row[0].text ?? "");
}

describe("renderAnswerDetails", () => {
  it("continues a 60-row table in the thread exactly where the message stopped", () => {
    const answer = sampleAnswer([podTable(60)]);
    const out = details(answer);
    const names = out.messages.flatMap((message) => tableNames(message.blocks));
    // The message showed the unhealthy rows first (rows 3, 53), then the healthy ones in order.
    const rows = answer.parts[0].type === "table" ? answer.parts[0].rows : [];
    const arranged = [rows[3], rows[53], ...rows.filter((_, index) => index !== 3 && index !== 53)];
    expect(names).toEqual(arranged.slice(20).map((row) => row[0]));
    expect(out.files).toEqual([]);
  });

  it("puts all 10,000 rows in one file instead of hundreds of messages", () => {
    const out = details(sampleAnswer([podTable(10_000)]));
    expect(out.files).toHaveLength(1);
    const lines = out.files[0].content.trimEnd().split("\n");
    expect(lines).toHaveLength(10_001);
    expect(lines[0]).toMatch(/^NAME\s+STATUS\s+READY/);
    expect(out.files[0].comment).toBe("All 10,000 rows are in the attached file.");
    expect(out.files[0].filename).toBe("pods-in-payments.txt");
  });

  it("sends a table with more than 20 columns to a file with every column", () => {
    const out = details(sampleAnswer([podTable(5, { columns: 30 })]));
    expect(out.files[0].content.split("\n")[0]).toContain("COL29");
  });

  it("logs always go to a file, whole", () => {
    const code = "line\n".repeat(50_000);
    const out = details(sampleAnswer([{ type: "code", title: "Logs of api-1", language: "log", code }]));
    expect(out.files).toEqual([
      { filename: "logs-of-api-1.log", title: "Logs of api-1", content: code, comment: "Logs of api-1" },
    ]);
  });

  it("describe text goes into fenced sections, split on line ends", () => {
    const text = Array.from({ length: 120 }, (_, i) => `Line ${i}: ${"d".repeat(40)}`).join("\n");
    const out = details(sampleAnswer([{ type: "text", title: "describe pod api-1", text }]));
    const sections = out.messages
      .flatMap((m) => m.blocks as { type: string; text?: { text: string } }[])
      .filter((b) => b.text?.text.startsWith("```"));
    expect(sections.length).toBeGreaterThan(1);
    expect(sections.map((s) => s.text!.text.slice(3, -3)).join("")).toBe(text);
  });

  it("lists every finding with its evidence", () => {
    const out = details(sampleAnswer([{ type: "findings", title: "Findings", findings: findings(12, 4) }]));
    const json = JSON.stringify(out.messages);
    for (let i = 0; i < 12; i++) expect(json).toContain(`payments/api-${i}*`);
    expect(json).toContain("(line 3)");
  });

  it("always ends with the calls that ran, and keeps every message within Slack's limits", () => {
    const answers = [
      sampleAnswer([podTable(60), podTable(150)]),
      sampleAnswer([{ type: "findings", title: "Findings", findings: findings(300, 8) }]),
      sampleAnswer([{ type: "text", title: "describe", text: "x".repeat(7_900) }]),
    ];
    for (const answer of answers) {
      const out = details(answer);
      expect(JSON.stringify(out.messages.at(-1))).toContain("get_resources");
      for (const message of out.messages) expect(blockKitViolations(message)).toEqual([]);
    }
  });
});
