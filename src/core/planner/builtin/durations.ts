const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** kubectl's duration syntax (`30s`, `5m`, `1h30m`, `2d`) in seconds; undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const parts = [
    ...text
      .trim()
      .toLowerCase()
      .matchAll(/(\d+)([smhd])/g),
  ];
  if (parts.length === 0 || parts.map((part) => part[0]).join("") !== text.trim().toLowerCase())
    return undefined;
  const seconds = parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * UNIT_SECONDS[unit], 0);
  return seconds > 0 ? seconds : undefined;
}
