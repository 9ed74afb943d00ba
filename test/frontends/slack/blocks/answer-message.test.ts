import { describe, expect, it } from "vitest";
import type { Answer } from "../../../../src/core/answer.js";
import { ACTION_IDS } from "../../../../src/frontends/slack/blocks/answer-actions.js";
import { renderAnswerMessage } from "../../../../src/frontends/slack/blocks/answer-message.js";
import { decodeButtonValue } from "../../../../src/frontends/slack/blocks/button-value.js";
import { blockKitViolations } from "../../../fakes/slack-block-limits.js";
import { liveMarkupViolations } from "../../../fakes/slack-live-markup.js";
import { findings, podTable, sampleAnswer } from "../sample-answers.js";

const NOW = Date.parse("2026-11-02T10:00:12.000Z");

type Block = {
  type: string;
  elements?: { action_id?: string; value?: string }[];
  rows?: unknown[][];
  text?: { text: string };
};

function blocksOf(answer: Answer) {
  const message = renderAnswerMessage(answer, { now: NOW });
  return { message, blocks: message.blocks as unknown as Block[], json: JSON.stringify(message.blocks) };
}

function actionIds(blocks: Block[]): string[] {
  return blocks
    .filter((block) => block.type === "actions")
    .flatMap((block) => block.elements?.map((e) => e.action_id ?? "") ?? []);
}

const cases: {
  name: string;
  answer: Answer;
  tableRows?: number;
  moreInThread: boolean;
  diagnose: boolean;
}[] = [
  {
    name: "three pods",
    answer: sampleAnswer([podTable(3)]),
    tableRows: 3 + 1,
    moreInThread: false,
    diagnose: false,
  },
  {
    name: "ten thousand pods",
    answer: sampleAnswer([podTable(10_000)]),
    tableRows: 21,
    moreInThread: true,
    diagnose: true,
  },
  {
    name: "30 columns",
    answer: sampleAnswer([podTable(5, { columns: 30 })]),
    tableRows: 6,
    moreInThread: true,
    diagnose: true,
  },
  {
    name: "5,000-character cells",
    answer: sampleAnswer([podTable(30, { cell: (row, column) => `${row}:${column}:${"x".repeat(5_000)}` })]),
    moreInThread: true,
    diagnose: false,
  },
  {
    name: "Chinese cells and summary",
    answer: sampleAnswer([podTable(8, { cell: (row) => `容器组-${row}` })], {
      language: "zh",
      summary: "payments 中有 8 个容器组。",
    }),
    tableRows: 9,
    moreInThread: false,
    diagnose: false,
  },
  { name: "empty table", answer: sampleAnswer([podTable(0)]), moreInThread: false, diagnose: false },
  {
    name: "two tables",
    answer: sampleAnswer([podTable(40), podTable(40)]),
    moreInThread: true,
    diagnose: true,
  },
  {
    name: "a 60,000-character summary",
    answer: sampleAnswer([podTable(2)], { summary: "s".repeat(60_000) }),
    moreInThread: false,
    diagnose: false,
  },
  {
    name: "120 findings",
    answer: sampleAnswer([{ type: "findings", title: "Findings", findings: findings(120, 20) }]),
    moreInThread: true,
    // Findings are a diagnosis already: Diagnose would only repeat it.
    diagnose: false,
  },
  {
    name: "a 5 MB log",
    answer: sampleAnswer([
      { type: "code", title: "Logs of api-1", language: "log", code: "log line\n".repeat(600_000) },
    ]),
    moreInThread: true,
    diagnose: false,
  },
  {
    name: "80 parts",
    answer: sampleAnswer(
      Array.from({ length: 80 }, (_, i) => ({
        type: "text" as const,
        title: `Part ${i}`,
        text: "t".repeat(900),
      })),
    ),
    moreInThread: true,
    diagnose: false,
  },
  {
    name: "mrkdwn and HTML in text",
    answer: sampleAnswer([{ type: "text", title: "<script>", text: "a & b <@U1> ```fence``` *x*" }], {
      summary: "<!channel> hi",
    }),
    moreInThread: false,
    diagnose: false,
  },
];

describe("renderAnswerMessage", () => {
  it.each(cases)("$name: within every Slack limit", ({ answer, tableRows, moreInThread, diagnose }) => {
    const { message, blocks, json } = blocksOf(answer);
    expect(blockKitViolations(message)).toEqual([]);
    const tables = blocks.filter((block) => block.type === "table");
    expect(tables.length).toBeLessThanOrEqual(1);
    if (tableRows !== undefined) expect(tables[0]?.rows?.length).toBe(tableRows);
    expect(
      json.includes("more rows in thread") ||
        json.includes("more findings in thread") ||
        json.includes("more sections") ||
        json.includes("more columns") ||
        json.includes("full text in thread"),
    ).toBe(moreInThread);
    expect(actionIds(blocks).includes(ACTION_IDS.diagnose)).toBe(diagnose);
    expect(actionIds(blocks).slice(0, 2)).toEqual([ACTION_IDS.refresh, ACTION_IDS.details]);
  });

  it("escapes user text so it cannot ping a channel or break a code fence", () => {
    const { json } = blocksOf(cases.find((c) => c.name === "mrkdwn and HTML in text")!.answer);
    expect(json).not.toContain("<!channel>");
    expect(json).not.toContain("<@U1>");
    expect(json).toContain("&lt;script&gt;");
  });

  it.each(cases.map((c) => [c.name, c.answer] as const))(
    "%s: no live mention or link in the text or the blocks, every mrkdwn verbatim",
    (_, answer) => {
      const message = renderAnswerMessage(answer, { now: NOW });
      expect(liveMarkupViolations(message as unknown as Record<string, unknown>)).toEqual([]);
    },
  );

  it("escapes the notification text the way it escapes the blocks", () => {
    const hostile = "<!channel> <@U0ADMIN> see <https://evil.example/login|Slack SSO re-login>";
    const { message } = blocksOf(sampleAnswer([], { summary: hostile }));
    expect(message.text).toBe(
      "&lt;!channel&gt; &lt;@U0ADMIN&gt; see &lt;https://evil.example/login|Slack SSO re-login&gt;",
    );
  });

  it("says which rows are shown and how many are left for the thread", () => {
    const { json } = blocksOf(sampleAnswer([podTable(10_000)]));
    expect(json).toContain("Showing 20 of 10,000 rows");
    expect(json).toContain("9,980 more rows in thread (Details)");
  });

  it("puts the second table in an aligned monospace section", () => {
    const { blocks } = blocksOf(sampleAnswer([podTable(3), podTable(3)]));
    const mono = blocks.filter((block) => block.type === "section" && block.text?.text.startsWith("```"));
    expect(mono).toHaveLength(1);
    const lines = mono[0].text!.text.replace(/```/g, "").split("\n");
    // NAME and STATUS first: a phone shows the first columns.
    expect(lines[0]).toMatch(/^NAME\s+STATUS\s+READY\s+RESTARTS\s+AGE$/);
    expect(lines[1].indexOf("1/1")).toBe(lines[0].indexOf("READY"));
  });

  it("shows cluster, namespace, planner, time and cache age in the context line", () => {
    const cached = sampleAnswer([podTable(1)], { cached: true, computedAt: "2026-11-02T10:00:00.000Z" });
    const { json } = blocksOf(cached);
    expect(json).toContain(
      "cluster *demo* · namespace *payments* · planner builtin · 42 ms · cached 12 s ago · request `a1b2c3d4`",
    );
    expect(blocksOf(sampleAnswer([podTable(1)])).json).not.toContain("cached");
  });

  it("carries the answer id (not the question) in the buttons, and what Diagnose should look at", () => {
    const { blocks } = blocksOf(sampleAnswer([podTable(10)]));
    const buttons = blocks.find((block) => block.type === "actions")!.elements!;
    expect(decodeButtonValue(buttons[0].value)).toEqual({ id: "a1b2c3d4" });
    const diagnose = buttons.find((button) => button.action_id === ACTION_IDS.diagnose)!;
    expect(decodeButtonValue(diagnose.value)?.d).toEqual({
      kind: "pods",
      name: "api-00003-7d9f8c",
      namespace: "payments",
    });
  });

  it("labels the message in Chinese for a Chinese question", () => {
    const { json } = blocksOf(sampleAnswer([podTable(30)], { language: "zh" }));
    expect(json).toContain("刷新");
    expect(json).toContain("详情");
    expect(json).toContain("显示 20 / 30 行");
  });

  it("renders a 10,000-row answer without looking at every row", () => {
    const answer = sampleAnswer([podTable(10_000)]);
    const first = renderAnswerMessage(answer, { now: NOW });
    expect(first.shown).toEqual([{ rows: 20, columns: 5, complete: false }]);
  });
});
