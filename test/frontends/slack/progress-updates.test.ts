import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createProgressUpdates } from "../../../src/frontends/slack/progress-updates.js";

describe("progress updates", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const clock = { now: () => Date.now() };

  it("sends the first line at once, then at most one a second, always the latest", async () => {
    const sent: string[] = [];
    const progress = createProgressUpdates(async (line) => void sent.push(line), clock, 1_000, 0);
    progress.report("planning");
    progress.report("pods");
    progress.report("events");
    await vi.advanceTimersByTimeAsync(999);
    expect(sent).toEqual(["planning"]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual(["planning", "events"]);
    await progress.finish();
  });

  it("sends nothing after finish, and finish waits for the update in flight", async () => {
    const sent: string[] = [];
    let release: () => void = () => {};
    const progress = createProgressUpdates(
      (line) =>
        new Promise<void>((resolve) => {
          release = () => {
            sent.push(line);
            resolve();
          };
        }),
      clock,
      1_000,
      0,
    );
    progress.report("pods");
    progress.report("later");
    const finished = progress.finish();
    let done = false;
    void finished.then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(done).toBe(false);
    release();
    await finished;
    expect(sent).toEqual(["pods"]);
  });

  it("an answer within the first second costs no progress edit at all", async () => {
    const sent: string[] = [];
    const progress = createProgressUpdates(async (line) => void sent.push(line), clock);
    progress.report("planning");
    await vi.advanceTimersByTimeAsync(500);
    progress.report("pods");
    await vi.advanceTimersByTimeAsync(400);
    await progress.finish();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent).toEqual([]);
  });

  it("a slow answer gets its first progress edit after a second, then one a second", async () => {
    const sent: string[] = [];
    const progress = createProgressUpdates(async (line) => void sent.push(line), clock);
    progress.report("planning");
    await vi.advanceTimersByTimeAsync(999);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual(["planning"]);
    progress.report("pods");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toEqual(["planning", "pods"]);
    await progress.finish();
  });

  it("a failed update does not stop the next one", async () => {
    const sent: string[] = [];
    let calls = 0;
    const progress = createProgressUpdates(
      async (line) => {
        calls += 1;
        if (calls === 1) throw new Error("ratelimited");
        sent.push(line);
      },
      clock,
      1_000,
      0,
    );
    progress.report("one");
    await vi.advanceTimersByTimeAsync(1_000);
    progress.report("two");
    await vi.advanceTimersByTimeAsync(1_000);
    await progress.finish();
    expect(sent).toEqual(["two"]);
  });
});
