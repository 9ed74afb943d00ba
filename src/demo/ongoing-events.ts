import type { KubeObject } from "../core/ports.js";
import type { ObjectStore } from "./object-store.js";

/** An event kubelet keeps re-emitting while its fault lasts: a BackOff, a failing probe, a pull that fails. */
export interface OngoingEvent {
  event: KubeObject;
  everyMs: number;
}

const RECENT_MS = 5 * 60_000;

interface CountedEvent {
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count: number; lastObservedTime: string };
}

/** How often the event has been seen and when: a core event's count, or an events.k8s.io series. */
function occurrences(event: KubeObject): { count: number; first: number; last: number } | undefined {
  const e = event as KubeObject & CountedEvent;
  if (e.series && e.eventTime)
    return {
      count: e.series.count,
      first: Date.parse(e.eventTime),
      last: Date.parse(e.series.lastObservedTime),
    };
  if (e.count && e.firstTimestamp && e.lastTimestamp)
    return { count: e.count, first: Date.parse(e.firstTimestamp), last: Date.parse(e.lastTimestamp) };
  return undefined;
}

/**
 * The events still going on when the cluster starts: seen more than once, the last time within two of their
 * intervals or five minutes (kubelet's longest back-off), so a running demo's counts and LAST SEEN move on as a
 * real cluster's do instead of freezing.
 */
export function ongoingEvents(events: readonly KubeObject[], started: number): OngoingEvent[] {
  const ongoing: OngoingEvent[] = [];
  for (const event of events) {
    const seen = occurrences(event);
    if (!seen || seen.count < 2) continue;
    const everyMs = (seen.last - seen.first) / (seen.count - 1);
    if (everyMs >= 1_000 && started - seen.last <= Math.max(2 * everyMs, RECENT_MS))
      ongoing.push({ event, everyMs });
  }
  return ongoing;
}

/** The event as it reads at `now`: the occurrences since its last one added; undefined when there are none yet. */
export function eventAt(ongoing: OngoingEvent, now: number): KubeObject | undefined {
  const seen = occurrences(ongoing.event);
  if (!seen) return undefined;
  const since = Math.floor((now - seen.last) / ongoing.everyMs);
  if (since < 1) return undefined;
  const last = new Date(seen.last + since * ongoing.everyMs).toISOString();
  const event = ongoing.event as KubeObject & CountedEvent;
  if (event.series)
    return { ...event, series: { count: seen.count + since, lastObservedTime: last.replace("Z", "000Z") } };
  return { ...event, count: seen.count + since, lastTimestamp: last.replace(/\.\d{3}Z$/, "Z") } as KubeObject;
}

/** Moves every ongoing event in the store on to `now`: a read sees what kubelet would have recorded by then. */
export function advanceEvents(store: ObjectStore, ongoing: OngoingEvent[], now: number): void {
  for (const entry of ongoing) {
    const next = eventAt(entry, now);
    if (!next) continue;
    store.replace(entry.event, next);
    entry.event = next;
  }
}
