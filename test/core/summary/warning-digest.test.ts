import { describe, expect, it } from "vitest";
import type { TablePart } from "../../../src/core/answer.js";
import { warningDigest } from "../../../src/core/summary/warning-digest.js";

// The warnings' reasons and their objects, most objects first, for any object names; Normal events never count.
const eventsTable = (rows: [type: string, reason: string, object: string][]): TablePart => ({
  type: "table",
  title: "Events",
  columns: ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"],
  rows: rows.map(([type, reason, object]) => ["1m", type, reason, object, "…"]),
});

const names = ["pod/checkout-26l478mgff-5bj6r", "pod/a", "job/db-migrate", "node/demo-worker-2", "pod/x.y-z"];

describe("warning digest", () => {
  it.each(names)("names the objects of each warning reason (%s)", (name) => {
    const digest = warningDigest([
      eventsTable([
        ["Warning", "BackOff", name],
        ["Normal", "Pulled", "pod/other"],
        ["Warning", "FailedScheduling", "pod/p1"],
        ["Warning", "FailedScheduling", "pod/p2"],
        ["Warning", "FailedScheduling", "pod/p3"],
        ["Warning", "BackOff", name],
      ]),
    ]);
    expect(digest).toBe(`FailedScheduling: pod/p1, pod/p2 +1; BackOff: ${name}`);
  });

  it("says nothing when there are no warnings or no events table", () => {
    expect(warningDigest([eventsTable([["Normal", "Pulled", "pod/a"]])])).toBeUndefined();
    expect(warningDigest([{ type: "text", title: "Events", text: "no events" }])).toBeUndefined();
  });

  it("keeps at most five reasons", () => {
    const rows = Array.from(
      { length: 8 },
      (_, i) => ["Warning", `Reason${i}`, `pod/p${i}`] as [string, string, string],
    );
    expect(warningDigest([eventsTable(rows)])?.split("; ")).toHaveLength(5);
  });
});
