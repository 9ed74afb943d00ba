/** 250m like `kubectl top`, which prints a quantity's MilliValue: a fraction of a millicore rounds up. */
export function formatCpu(millicores: number): string {
  // Rounded to the nanocore first, so float noise (250.0000000001) does not round up a whole millicore.
  return `${Math.ceil(Math.round(millicores * 1e6) / 1e6)}m`;
}

/** 128Mi like `kubectl top`, which divides bytes by 1Mi in integers (a remainder is dropped). */
export function formatMemory(bytes: number): string {
  const mebibytes = Math.floor(bytes / 2 ** 20);
  return mebibytes >= 1 ? `${mebibytes}Mi` : `${Math.floor(bytes / 1024)}Ki`;
}

/** 104% like `kubectl top nodes`: use over allocatable, the fraction dropped. */
export function formatPercent(used: number, capacity: number): string | undefined {
  return capacity > 0 ? `${Math.floor(Math.round((used / capacity) * 1e6) / 1e4)}%` : undefined;
}
