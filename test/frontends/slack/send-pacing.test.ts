import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createMemoryRateLimiter } from "../../../src/adapters/cache/memory-rate-limiter.js";
import { createSendPacer } from "../../../src/frontends/slack/send-pacing.js";

describe("send pacing", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const clock = { now: () => Date.now() };

  it("lets progress edits spend only their share of the Tier-3 minute, one a second per channel", async () => {
    const pacer = createSendPacer(createMemoryRateLimiter(clock));
    expect(await pacer.takeProgress("C1")).toBe(true);
    expect(await pacer.takeProgress("C1")).toBe(false);
    let granted = 1;
    for (let channel = 2; channel <= 30; channel++) if (await pacer.takeProgress(`C${channel}`)) granted += 1;
    expect(granted).toBe(20);
  });

  it("keeps answers' edits waiting, not failing, once 45 chat.update went in a minute", async () => {
    const pacer = createSendPacer(createMemoryRateLimiter(clock));
    for (let i = 0; i < 45; i++) await pacer.beforeSend("chat.update", "C1");
    // Progress gets nothing while answers have used the minute.
    expect(await pacer.takeProgress("C2")).toBe(false);
    let sent = false;
    const waiting = pacer.beforeSend("chat.update", "C1").then(() => (sent = true));
    // A minute and the margin for calls in flight.
    await vi.advanceTimersByTimeAsync(60_500);
    expect(sent).toBe(false);
    await vi.advanceTimersByTimeAsync(600);
    await waiting;
    expect(sent).toBe(true);
  });

  it("skips a placeholder where the channel had three posts in three seconds, not elsewhere", async () => {
    const pacer = createSendPacer(createMemoryRateLimiter(clock));
    for (let i = 0; i < 3; i++) await pacer.beforeSend("chat.postMessage", "C1");
    expect(await pacer.takePost("C1")).toBe(false);
    expect(await pacer.takePost("C2")).toBe(true);
    await vi.advanceTimersByTimeAsync(3_001);
    expect(await pacer.takePost("C1")).toBe(true);
  });

  it("does not pace methods Slack does not limit this way (ephemeral replies, files)", async () => {
    const limiter = { take: vi.fn() };
    await createSendPacer(limiter).beforeSend("chat.postEphemeral", "C1");
    expect(limiter.take).not.toHaveBeenCalled();
  });
});
