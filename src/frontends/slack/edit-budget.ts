import type { Clock } from "../../core/ports.js";

/**
 * Progress edits are optional; answers are not. chat.update is Tier 3 (about 50 a minute per workspace)
 * and Slack wants about one message a second per channel, so a progress edit goes only while the
 * workspace has spent fewer than `workspacePerMinute` of them in the last minute (the rest of the Tier-3
 * budget stays for answers) and the channel had none in the last `channelGapMs`. A skipped progress edit
 * is simply not sent: the answer, which always goes, replaces the placeholder anyway.
 */
export interface EditBudget {
  /** True (and counted) when a progress edit in this channel may go now. */
  takeProgress(channel: string): boolean;
}

export function createEditBudget(clock: Clock, workspacePerMinute = 30, channelGapMs = 1_000): EditBudget {
  const sent: number[] = [];
  const lastInChannel = new Map<string, number>();
  return {
    takeProgress(channel) {
      const now = clock.now();
      while (sent.length > 0 && sent[0] <= now - 60_000) sent.shift();
      const last = lastInChannel.get(channel);
      if (sent.length >= workspacePerMinute || (last !== undefined && now - last < channelGapMs))
        return false;
      sent.push(now);
      lastInChannel.set(channel, now);
      // Forget quiet channels so the map stays small.
      if (lastInChannel.size > 1_000)
        for (const [key, at] of lastInChannel) if (now - at > 60_000) lastInChannel.delete(key);
      return true;
    },
  };
}
