import type { KubeObject } from "../../core/ports.js";

/** kubectl's HumanDuration (k8s.io/apimachinery/pkg/util/duration), so ages print exactly as kubectl's do. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 8) return hours % 24 === 0 ? `${days}d` : `${days}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.floor(days / 365);
  if (hours < 24 * 365 * 8) return days % 365 === 0 ? `${years}y` : `${years}y${days % 365}d`;
  return `${years}y`;
}

/** Time since an RFC 3339 timestamp, or `<unknown>` as kubectl prints for a missing one. */
export function since(timestamp: unknown, now: number): string {
  if (typeof timestamp !== "string" || timestamp === "") return "<unknown>";
  return humanDuration(now - Date.parse(timestamp));
}

export function age(object: KubeObject, now: number): string {
  return since(object.metadata.creationTimestamp, now);
}

/** Loose access to nested spec/status fields of sample objects. */
// biome-ignore lint/suspicious/noExplicitAny: objects are untyped JSON read by column printers
export type Loose = any;

export function loose(object: KubeObject): Loose {
  return object;
}

export function labelSelectorText(selector: Loose): string {
  const labels = selector?.matchLabels ?? selector ?? {};
  const text = Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
  return text === "" ? "<none>" : text;
}

export function containerNames(podSpec: Loose): string {
  return (podSpec?.containers ?? []).map((c: Loose) => c.name).join(",");
}

export function containerImages(podSpec: Loose): string {
  return (podSpec?.containers ?? []).map((c: Loose) => c.image).join(",");
}
