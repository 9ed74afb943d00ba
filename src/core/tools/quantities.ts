const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/** A Kubernetes quantity ("512Mi", "250m", "2", "1.5Gi", "16170240Ki") as a plain number (bytes, cores). */
export function parseQuantity(quantity: string | number | undefined): number | undefined {
  if (quantity === undefined) return undefined;
  if (typeof quantity === "number") return quantity;
  const match = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)([a-zA-Z]*)$/.exec(quantity.trim());
  if (!match) return undefined;
  const value = Number(match[1]);
  const factor = BINARY[match[2]] ?? DECIMAL[match[2]];
  return factor === undefined || Number.isNaN(value) ? undefined : value * factor;
}

/** Bytes as a person reads them: "7.6Gi", "512Mi". */
export function humanBytes(bytes: number): string {
  for (const [unit, size] of [
    ["Ti", BINARY.Ti],
    ["Gi", BINARY.Gi],
    ["Mi", BINARY.Mi],
  ] as const) {
    if (bytes >= size) {
      const value = bytes / size;
      return `${Number.isInteger(value) ? value : value.toFixed(1)}${unit}`;
    }
  }
  return `${Math.round(bytes / BINARY.Ki)}Ki`;
}

/** "16170240Ki (15.4Gi)": a memory quantity in Ki or plain bytes with the unit a person reads beside it. */
export function memoryWithHumanUnit(quantity: string | undefined): string | undefined {
  if (quantity === undefined) return undefined;
  const bytes = parseQuantity(quantity);
  if (bytes === undefined || !/^[0-9.]+(Ki)?$/.test(quantity)) return quantity;
  return `${quantity} (${humanBytes(bytes)})`;
}

/** Cores as kubectl prints them: "3600m", "2". */
export function millicores(cores: number): string {
  return Number.isInteger(cores) ? String(cores) : `${Math.round(cores * 1000)}m`;
}
