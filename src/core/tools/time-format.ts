import type { ToolContext } from "./define-tool.js";

export function nowOf(context: Pick<ToolContext, "clock">): number {
  return context.clock?.now() ?? Date.now();
}

/** kubectl's short ages: 45s, 12m, 5h, 3d, 2y. */
export function shortAge(fromMs: number, nowMs: number): string {
  if (!fromMs) return "<unknown>";
  const seconds = Math.max(0, Math.floor((nowMs - fromMs) / 1000));
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  return days < 730 ? `${days}d` : `${Math.floor(days / 365)}y`;
}

export function ageOf(stamp: string | undefined, nowMs: number): string {
  return stamp ? shortAge(Date.parse(stamp), nowMs) : "<unknown>";
}
