/** "300 ms", "2 s", "1.5 s": a time limit as a person reads it (the one formatter for every timeout message). */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1_000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
