import { parseQuantity as quantityOrUndefined } from "../../core/tools/quantities.js";

/** A Kubernetes quantity ("250m", "1.5", "128974848", "512Mi", "12345n", "1e3") as a plain number; 0 when unreadable. */
export function parseQuantity(quantity: string | number | undefined): number {
  return quantityOrUndefined(quantity) ?? 0;
}

export function memoryBytes(quantity: string | undefined): number {
  return Math.round(parseQuantity(quantity));
}
