import { describe, expect, it } from "vitest";
import { createBuiltinPlanner } from "../../../src/core/planner/builtin/builtin-planner.js";
import { resolveClockPhrases } from "../../../src/core/planner/builtin/clock-phrases.js";
import { question } from "../../helpers/question.js";
import { sampleNames } from "../../helpers/sample-names.js";

// Issue 14 §1: "since 9am", "today", 从9点起 are read against the planner's clock, in the user's time zone.
const at = (iso: string, timeZone = "UTC") => ({ now: () => Date.parse(iso), timeZone });
const planner = createBuiltinPlanner();
const names = sampleNames();
const calls = async (text: string, clock = at("2026-12-02T16:00:00Z")) =>
  (await planner.plan(question(text), { resourceTypes: [], names, clock })).calls;

describe("clock-relative time windows", () => {
  it.each(Array.from({ length: 24 }, (_, hour) => hour))(
    "since %i:00 is the seconds since then (now 16:00)",
    (hour) => {
      // The hour now (16:00) is a window just begun: at least a minute.
      const minutes = Math.max(1, (((16 - hour) * 3600 + 86_400) % 86_400) / 60);
      expect(resolveClockPhrases(`events since ${hour}:00`, at("2026-12-02T16:00:00Z"))).toContain(
        `in the last ${minutes} minutes`,
      );
    },
  );

  it.each([
    ["what changed since 9am", { since_seconds: 7 * 3600 }],
    ["what changed today", { since_seconds: 16 * 3600 }],
    ["what changed since this morning", { since_seconds: 10 * 3600 }],
    ["anything deployed in the last few hours?", { since_seconds: 3 * 3600 }],
    ["今天有什么变更", { since_seconds: 16 * 3600 }],
    ["从9点起有什么变更", { since_seconds: 7 * 3600 }],
  ])("%s → recent_changes over the window", async (text, args) => {
    expect(await calls(text)).toEqual([{ tool: "recent_changes", args }]);
  });

  // Any hour of the day: a counted window said beside a clock phrase is the window (the ratchet once read
  // "since this morning (last 3 hours)" as 23 hours when it ran before 06:00).
  it.each(Array.from({ length: 24 }, (_, hour) => hour))(
    "a counted window wins over the clock at %i:00",
    async (hour) => {
      const clock = at(`2026-12-02T${String(hour).padStart(2, "0")}:30:00Z`);
      for (const [text, seconds] of [
        ["what's new since this morning (last 3 hours)", 3 * 3600],
        ["what changed today, last 90 minutes", 90 * 60],
        ["今天最近2小时有什么变更", 2 * 3600],
      ] as const)
        expect(await calls(text, clock)).toEqual([
          { tool: "recent_changes", args: { since_seconds: seconds } },
        ]);
    },
  );

  it("reads 9am in the user's time zone, and the phrase never becomes a name", async () => {
    // 16:00 UTC is 17:00 in Berlin: since 9am there is 8 hours.
    const plan = await calls("events since 9am in shop", at("2026-12-02T16:00:00Z", "Europe/Berlin"));
    expect(plan).toEqual([{ tool: "get_events", args: { namespace: "shop", since_seconds: 8 * 3600 } }]);
  });

  it("a time not yet reached today is yesterday's", () => {
    expect(resolveClockPhrases("since 9pm", at("2026-12-02T08:00:00Z"))).toContain("in the last 660 minutes");
  });
});
