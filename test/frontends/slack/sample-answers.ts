import type { Answer, AnswerPart, Cell, Finding, TablePart } from "../../../src/core/answer.js";

export function sampleAnswer(parts: AnswerPart[], extra: Partial<Answer> = {}): Answer {
  return {
    requestId: "a1b2c3d4",
    question: "pods in payments",
    language: "en",
    summary: "3 pods in payments: 2 running, 1 in CrashLoopBackOff.",
    parts,
    calls: [
      { tool: "get_resources", args: { kind: "pods", namespace: "payments" }, ok: true, durationMs: 12 },
    ],
    refusal: null,
    planner: "builtin",
    cluster: "demo",
    namespace: "payments",
    timings: { totalMs: 42, planningMs: 1, clusterMs: 30, llmMs: 0 },
    computedAt: "2026-11-02T10:00:00.000Z",
    cached: false,
    notes: [],
    ...extra,
  };
}

export function podTable(
  count: number,
  options: { columns?: number; cell?: (row: number, column: number) => Cell } = {},
): TablePart {
  const base = ["NAME", "READY", "STATUS", "RESTARTS", "AGE"];
  const columns = Array.from(
    { length: options.columns ?? base.length },
    (_, index) => base[index] ?? `COL${index}`,
  );
  const rows = Array.from({ length: count }, (_, row) =>
    columns.map((_, column) => {
      if (options.cell) return options.cell(row, column);
      if (column === 0) return `api-${row.toString(36).padStart(5, "0")}-7d9f8c`;
      if (column === 2) return row % 50 === 3 ? "CrashLoopBackOff" : "Running";
      if (column === 3) return row % 50 === 3 ? 17 : 0;
      return column === 1 ? "1/1" : "3d";
    }),
  );
  const unhealthyRows = rows.flatMap((row, index) => (row[2] === "CrashLoopBackOff" ? [index] : []));
  return { type: "table", title: "Pods in payments", columns, rows, nameColumn: 0, unhealthyRows };
}

export function findings(count: number, evidence = 3): Finding[] {
  return Array.from({ length: count }, (_, index) => ({
    severity: index % 3 === 0 ? "critical" : "warning",
    object: { kind: "Pod", name: `api-${index}`, namespace: "payments" },
    reason: "CrashLoopBackOff",
    message: `Container api restarted ${index + 3} times: the last exit code was 1.`,
    evidence: Array.from(
      { length: evidence },
      (_, line) => `Back-off restarting failed container api (line ${line})`,
    ),
  }));
}
