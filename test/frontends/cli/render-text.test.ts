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
