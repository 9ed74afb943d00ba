import { describe, expect, it } from "vitest";
import type { AnswerPart } from "../../../src/core/answer.js";
import { alignColumns, MAX_TABLE_ROWS, renderPartsText } from "../../../src/frontends/cli/render-text.js";

describe("renderPartsText", () => {
  it("aligns columns by terminal width, CJK characters counting double", () => {
    const lines = alignColumns([
      ["NAME", "STATUS"],
      ["容器组-a", "Running"],
      ["web", "Pending"],
    ]);
    expect(lines).toEqual(["NAME       STATUS", "容器组-a   Running", "web        Pending"]);
  });

  it("cut to a narrow terminal, a table keeps its names whole while other columns give way", () => {
    const name = "checkout-26l478mgff-5bj6r";
    const part: AnswerPart = {
      type: "table",
      title: "pods in shop",
      columns: ["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE"],
      rows: [[name, "0/1", "CrashLoopBackOff", "14 (4m12s ago)", "20d", "10.244.1.176", "demo-worker-1"]],
      nameColumn: 0,
    };
    const [, , row] = renderPartsText([part], { columns: 90 }).split("\n");
    expect(row.startsWith(`${name}   `)).toBe(true);
    expect(row).toContain("…");
    expect(row.length).toBeLessThanOrEqual(90);
  });

  it("bounds a huge table and says how many rows are left out", () => {
    const part: AnswerPart = {
      type: "table",
      title: "pods",
      columns: ["NAME"],
      rows: Array.from({ length: MAX_TABLE_ROWS + 50 }, (_, index) => [`pod-${index}`]),
    };
    const lines = renderPartsText([part]).split("\n");
    expect(lines).toHaveLength(1 + 1 + MAX_TABLE_ROWS + 1);
    expect(lines.at(-1)).toBe("… 50 more rows");
  });

  it("renders findings with severity, object, reason and evidence", () => {
    const text = renderPartsText([
      {
        type: "findings",
        title: "Diagnosis in shop",
        findings: [
          {
            severity: "critical",
            object: { kind: "Pod", name: "cart-1", namespace: "shop" },
            reason: "CrashLoopBackOff",
            message: "Container main keeps crashing.",
            evidence: ["restarts 9"],
          },
        ],
      },
    ]);
    expect(text).toBe(
      "Diagnosis in shop\n[CRITICAL] Pod shop/cart-1: CrashLoopBackOff\n  Container main keeps crashing.\n  - restarts 9",
    );
  });
});
