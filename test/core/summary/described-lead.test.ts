import { describe, expect, it } from "vitest";
import type { ExecutedCall } from "../../../src/core/ports.js";
import { summariseCalls } from "../../../src/core/summary/summarise.js";

// The describe line a question asks for leads the summary, for any object name and value, in en, zh and mixed.
const objects = ["ledger-b8tbctjzj8-5frbj", "widget-x", "db-migrate", "app-settings", "a1"];
const described = (name: string, lines: [string, string][]): ExecutedCall => ({
  record: {
    tool: "describe_resource",
    args: { kind: "pods", name },
    ok: true,
    durationMs: 1,
    facts: { name, lines, headline: `Described pod ${name}.`, headline_zh: `已描述 pod ${name}。` },
  },
  parts: [],
  notes: [],
});

const asks: [label: string, value: string, questions: (name: string) => string[]][] = [
  ["QoS Class", "Burstable", (n) => [`qos class of the ${n} pod`, `${n} 的 QoS 等级`]],
  ["Restart Policy", "OnFailure", (n) => [`restart policy of ${n}`, `${n} 的重启策略`]],
  ["Args", "--leader-elect --v=2", (n) => [`${n} args`, `${n} 的启动参数是什么`]],
  ["Command", "/bin/run", (n) => [`what command does ${n} run`, `${n} 启动命令`]],
  ["Data", "key.one=1\nkey.two=2", (n) => [`show me the contents of ${n}`, `${n} 里面是什么内容`]],
];

describe("a describe line asked for leads the summary", () => {
  it.each(objects)("%s", (name) => {
    for (const [label, value, questions] of asks) {
      const lines: [string, string][] = [
        ["Node", "n-1"],
        [label, value],
        ["Status", "Running"],
      ];
      for (const question of questions(name)) {
        const language = /[\u4e00-\u9fff]/.test(question) ? "zh" : "en";
        const summary = summariseCalls(language, [described(name, lines)], question);
        expect(summary.startsWith(`${name}: ${label} ${value.replace(/\n/g, "; ")}`), summary).toBe(true);
      }
    }
  });

  it("a question that asks for no such line keeps the headline alone", () => {
    const summary = summariseCalls("en", [described("x", [["QoS Class", "Burstable"]])], "describe pod x");
    expect(summary).toBe("Described pod x.");
  });
});
