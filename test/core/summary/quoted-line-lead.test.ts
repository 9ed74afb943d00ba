import { describe, expect, it } from "vitest";
import type { Finding } from "../../../src/core/answer.js";
import type { ExecutedCall } from "../../../src/core/ports.js";
import { summariseCalls } from "../../../src/core/summary/summarise.js";

// A quoted log line is answered with where it came from: the findings whose evidence holds it lead the summary.
const diagnosis = (findings: Finding[]): ExecutedCall => ({
  record: {
    tool: "diagnose",
    args: {},
    ok: true,
    durationMs: 1,
    facts: { findings: findings.length, critical: findings.length, headline: "Found problems." },
  },
  parts: [{ type: "findings", title: "Diagnosis", findings }],
  notes: [],
});
const finding = (name: string, reason: string, evidence: string[]): Finding => ({
  severity: "critical",
  object: { kind: "Pod", name, namespace: "team-a" },
  reason,
  message: `${name} is failing`,
  evidence,
});

describe.each([
  ["model download failed: AccessDenied (403)", "recommendation-7d9-x2k9", "ReadinessProbeFailed"],
  ["heap usage 98% (502MiB of 512MiB)", "ledger-b8t-5frbj", "OOMKilled"],
  ["connection refused to redis:6379", "cart-0", "CrashLoopBackOff"],
])("the quoted line `%s`", (line, pod, reason) => {
  const executed = [
    diagnosis([
      finding("other-1", "CrashLoopBackOff", ["previous log: Error: something else"]),
      finding(pod, reason, [`container app: ${reason}`, `log: 2026-12-04 WARN  ${line.toUpperCase()}`]),
    ]),
  ];
  it("in English", () => {
    const summary = summariseCalls("en", executed, `seeing \`${line}\` in the logs, which service is it?`);
    expect(summary.startsWith(`\`${line}\` comes from pod team-a/${pod} (${reason}).`)).toBe(true);
    expect(summary).not.toContain("pod team-a/other-1 (");
  });
  it("in Chinese", () => {
    const summary = summariseCalls("zh", executed, `日志里有 「${line}」，是哪个服务？`);
    expect(summary.startsWith(`\`${line}\` 出自 pod team-a/${pod} (${reason})。`)).toBe(true);
  });
  it.each([
    (text: string) => `${text} - which service logs this?`,
    (text: string) => `${text} <- whose log is this`,
    (text: string) => `日志里有 ${text}，是哪个服务`,
  ])("pasted bare: %#", (ask) => {
    const summary = summariseCalls("en", executed, ask(line));
    expect(summary).toContain(`pod team-a/${pod} (${reason})`);
    expect(summary.indexOf(pod)).toBeLessThan(summary.indexOf("other-1") >>> 0);
  });
  it("and nothing when no evidence holds it", () => {
    const summary = summariseCalls("en", executed, "seeing `a line nobody logged` in the logs");
    expect(summary).not.toContain("comes from");
  });
});
