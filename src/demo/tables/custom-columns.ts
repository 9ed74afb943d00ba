import type { KubeObject } from "../../core/ports.js";
import { type Loose, loose, since } from "./format.js";
import type { KindPrinter } from "./printer.js";

/** `.spec.size` → the value at that path (the simple JSONPath CRD printer columns use). */
function valueAt(object: KubeObject, jsonPath: string): unknown {
  let value: unknown = object;
  for (const key of jsonPath.replace(/^\./, "").split("."))
    value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}

/** A custom resource's Table from its CRD's additionalPrinterColumns, as apiextensions builds it. */
export function customResourcePrinter(crd: KubeObject, version: string): KindPrinter | undefined {
  const served = (loose(crd).spec?.versions ?? []).find((v: Loose) => v.name === version);
  const columns: Loose[] = served?.additionalPrinterColumns ?? [];
  if (columns.length === 0) return undefined;
  return {
    columns: [
      ["Name", "string", 0, "name"],
      ...columns.map((c): [string, string, number] => [c.name, c.type, c.priority ?? 0]),
    ],
    cells: (object, now) => [
      object.metadata.name,
      ...columns.map((c) =>
        c.type === "date" ? since(valueAt(object, c.jsonPath), now) : (valueAt(object, c.jsonPath) ?? null),
      ),
    ],
  };
}
