/** 250m, 2 (cores) like `kubectl top`. */
export function formatCpu(millicores: number): string {
  return `${Math.round(millicores)}m`;
}

/** 128Mi like `kubectl top`. */
export function formatMemory(bytes: number): string {
  const mebibytes = bytes / 2 ** 20;
  return mebibytes >= 1 ? `${Math.round(mebibytes)}Mi` : `${Math.round(bytes / 1024)}Ki`;
}
