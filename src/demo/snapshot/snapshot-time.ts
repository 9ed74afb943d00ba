import type { KubeObject } from "../../core/ports.js";

const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const timeKey = /(Time|Timestamp|At|time)$/;

/** The newest time any object records (conditions, heartbeats, events, container states): when it was taken, at the latest. */
export function newestTimestamp(objects: KubeObject[]): number | undefined {
  let newest: number | undefined;
  const visit = (value: unknown, key: string): void => {
    if (typeof value === "string") {
      if (timeKey.test(key) && isoTime.test(value)) {
        const at = Date.parse(value);
        if (!Number.isNaN(at) && (newest === undefined || at > newest)) newest = at;
      }
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) visit(item, key);
      return;
    }
    if (typeof value === "object" && value !== null) {
      for (const [k, v] of Object.entries(value)) visit(v, k);
    }
  };
  for (const object of objects) visit(object, "");
  return newest;
}

/** `support-bundle-2025-03-04T10_22_33` (troubleshoot's folder and archive name) → that moment, UTC. */
export function timeFromBundleName(name: string): number | undefined {
  const match = /(\d{4}-\d{2}-\d{2})T(\d{2})[_:](\d{2})[_:](\d{2})/.exec(name);
  if (!match) return undefined;
  const at = Date.parse(`${match[1]}T${match[2]}:${match[3]}:${match[4]}Z`);
  return Number.isNaN(at) ? undefined : at;
}
