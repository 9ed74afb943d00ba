import { describe, expect, it } from "vitest";
import type { Answer } from "../../../../src/core/answer.js";
import { ACTION_IDS } from "../../../../src/frontends/slack/blocks/answer-actions.js";
import { renderAnswerMessage } from "../../../../src/frontends/slack/blocks/answer-message.js";
import { decodeButtonValue } from "../../../../src/frontends/slack/blocks/button-value.js";
import { blockKitViolations } from "../../../fakes/slack-block-limits.js";
import { liveMarkupViolations } from "../../../fakes/slack-live-markup.js";
import { podTable, sampleAnswer } from "../sample-answers.js";

const NOW = Date.parse("2026-11-02T10:00:12.000Z");

function crashDiagnosis(extra: Partial<Answer> = {}): Answer {
  return sampleAnswer(
    [
      {
        type: "findings",
        title: "Diagnosis of checkout",
        findings: [
          {
            severity: "warning",
            object: { kind: "Deployment", name: "checkout", namespace: "shop" },
            reason: "DeploymentUnavailable",
            message: "Deployment has 2 of 3 replicas ready.",
            evidence: ["replicas: 3 desired, 2 ready"],
          },
          {
            severity: "critical",
            object: { kind: "Pod", name: "checkout-5bj6r", namespace: "shop" },
            reason: "CrashLoopBackOff",
            message: "Container checkout keeps crashing: 14 restarts, last exit code 1 (Error).",
            evidence: [
              "container checkout: waiting CrashLoopBackOff, restarts 14",
              "previous log: starting checkout",
              "previous log: TypeError: Cannot read properties of undefined (reading 'toUpperCase')",
              "last state: terminated Error exit 1",
              "Warning BackOff: Back-off restarting failed container checkout (x231)",
            ],
          },
        ],
      },
    ],
    {
      question: "why is checkout crashing?",
      summary: "Found 2 problems in shop (1 critical).",
      calls: [{ tool: "diagnose", args: { namespace: "shop", name: "checkout" }, ok: true, durationMs: 9 }],
      ...extra,
    },
  );
}

const actionIds = (message: ReturnType<typeof renderAnswerMessage>) =>
  message.blocks.flatMap((block) =>
    block.type === "actions" ? block.elements.map((element) => element.action_id) : [],
  );

describe("the first screen of a diagnosis", () => {
  it("leads with the cause: severity, the last error lines, the termination and the warning event", () => {
    const message = renderAnswerMessage(crashDiagnosis(), { now: NOW });
    const cause = message.blocks.find((block) => block.block_id === "cause");
    const text = cause?.type === "section" ? (cause.text?.text ?? "") : "";
    expect(text).toContain(":red_circle: *Critical* · *Pod shop/checkout-5bj6r* · CrashLoopBackOff");
    expect(text).toContain("*Last error lines*\n> TypeError: Cannot read properties of undefined");
    expect(text).not.toContain("starting checkout");
    expect(text).toContain("*Terminated*\n> terminated Error exit 1");
    expect(text).toContain("*Warning event*\n> BackOff: Back-off restarting failed container");
    expect(message.text.startsWith("Critical: Pod shop/checkout-5bj6r CrashLoopBackOff: TypeError")).toBe(
      true,
    );
    expect(blockKitViolations(message)).toEqual([]);
    expect(liveMarkupViolations(message as unknown as Record<string, unknown>)).toEqual([]);
  });

  it("offers Logs of the crashed container, no Diagnose, and puts the calls in a small How I answered line", () => {
    const message = renderAnswerMessage(crashDiagnosis(), { now: NOW });
    expect(actionIds(message)).toEqual([ACTION_IDS.refresh, ACTION_IDS.details, ACTION_IDS.logs]);
    const actions = message.blocks.find((block) => block.type === "actions");
    const logs = actions?.type === "actions" ? actions.elements[2] : undefined;
    expect(decodeButtonValue((logs as { value: string }).value)?.g).toEqual({
      name: "checkout-5bj6r",
      namespace: "shop",
      previous: true,
    });
    const how = message.blocks.find((block) => block.block_id === "how");
    expect(JSON.stringify(how)).toContain("_How I answered:_ diagnose namespace=shop name=checkout · 9 ms");
  });

  it("says a preceding change when the answer has one, and speaks Chinese to a Chinese question", () => {
    const answer = crashDiagnosis({ language: "zh" });
    answer.parts.push({
      type: "table",
      title: "Recent changes in shop",
      columns: ["WHEN", "OBJECT", "CHANGE"],
      rows: [["21m", "deployment/checkout", "image checkout:1.8 → checkout:1.9"]],
    });
    const message = renderAnswerMessage(answer, { now: NOW });
    const json = JSON.stringify(message.blocks);
    expect(json).toContain("*此前的变更*\\n> 21m · deployment/checkout · image checkout:1.8 → checkout:1.9");
    expect(json).toContain("*严重*");
    expect(json).toContain("*最近的错误日志*");
    expect(json).toContain("checkout 的诊断");
    expect(json).toContain("shop 的近期变更");
    expect(json).toContain("变更");
    expect(message.text.startsWith("严重: Pod shop/checkout-5bj6r")).toBe(true);
  });
});

describe("tables on a phone", () => {
  it("puts NAME and STATUS first, unhealthy rows first with a count, at most 5 columns, numbers right", () => {
    const table = podTable(60);
    table.columns = ["NAMESPACE", "NAME", "READY", "RESTARTS", "STATUS", "AGE", "IP", "NODE"];
    table.nameColumn = 1;
    table.rows = table.rows.map((row) => [
      "payments",
      row[0],
      row[1],
      row[3],
      row[2],
      "3d",
      "10.0.0.1",
      "w1",
    ]);
    const message = renderAnswerMessage(sampleAnswer([table]), { now: NOW });
    const block = message.blocks.find((b) => b.type === "table") as unknown as {
      rows: { elements?: { elements: { text: string }[] }[]; text?: string }[][];
      column_settings: { align: string; is_wrapped?: boolean }[];
    };
    const header = block.rows[0].map((cell) => cell.elements![0].elements[0].text);
    expect(header).toEqual(["NAME", "STATUS", "NAMESPACE", "READY", "RESTARTS"]);
    expect(block.rows[1][1].text).toBe("CrashLoopBackOff");
    expect(block.rows[2][1].text).toBe("CrashLoopBackOff");
    expect(block.column_settings[4]).toEqual({ align: "right" });
    expect(JSON.stringify(message.blocks)).toContain("60 rows · 2 need attention, shown first");
    expect(JSON.stringify(message.blocks)).toContain("3 more columns in thread");
  });

  it("wraps long columns and localises headings for a Chinese answer", () => {
    const table = podTable(3);
    table.rows[0][0] = "a-very-long-pod-name-that-runs-off-a-phone-screen-abc12";
    const message = renderAnswerMessage(sampleAnswer([table], { language: "zh" }), { now: NOW });
    const json = JSON.stringify(message.blocks);
    expect(json).toContain('{"align":"left","is_wrapped":true}');
    for (const heading of ["名称", "状态", "就绪", "重启次数"]) expect(json).toContain(`"text":"${heading}"`);
    expect(json).toContain("payments 中的 Pods");
  });

  it("shows key/value data (the overview) as section fields, not a table with '-' headers", () => {
    const overview = sampleAnswer([
      {
        type: "table",
        title: "Cluster demo",
        columns: ["", ""],
        rows: [
          ["Version", "v1.32.4"],
          ["Nodes ready", "3/4"],
          ["Pods", "38 Running, 2 Pending"],
        ],
      },
    ]);
    const message = renderAnswerMessage(overview, { now: NOW });
    expect(message.blocks.some((block) => block.type === "table")).toBe(false);
    const fields = message.blocks.find((block) => block.type === "section" && block.fields);
    expect(JSON.stringify(fields)).toContain('"text":"*Nodes ready*\\n3/4"');
    expect(JSON.stringify(message.blocks)).not.toContain('"-"');
    expect(blockKitViolations(message)).toEqual([]);
    const zh = JSON.stringify(renderAnswerMessage({ ...overview, language: "zh" }, { now: NOW }).blocks);
    expect(zh).toContain("*就绪节点*");
    expect(zh).toContain("集群 demo");
  });
});
