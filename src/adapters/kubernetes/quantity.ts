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
const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** A Kubernetes quantity ("250m", "1.5", "128974848", "512Mi", "12345n", "1e3") as a plain number. */
export function parseQuantity(quantity: string | number | undefined): number {
  if (typeof quantity === "number") return quantity;
  if (!quantity) return 0;
  const match = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)([a-zA-Z]*)$/.exec(quantity.trim());
  if (!match) return 0;
  const value = Number(match[1]);
  const suffix = match[2];
  const factor = BINARY[suffix] ?? DECIMAL[suffix];
  return factor === undefined || Number.isNaN(value) ? 0 : value * factor;
}

export function memoryBytes(quantity: string | undefined): number {
  return Math.round(parseQuantity(quantity));
}
