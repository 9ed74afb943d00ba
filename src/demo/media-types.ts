import { ApiStatusError } from "./api-status.js";

/** What a read answers with, chosen from the request's Accept the way kube-apiserver negotiates. */
export type ReadMedia = { form: "json" } | { form: "table"; version: "v1" | "v1beta1" };

export type DiscoveryMedia = { form: "legacy" } | { form: "aggregated"; version: "v2" | "v2beta1" };

interface MediaRange {
  type: string;
  params: Record<string, string>;
  quality: number;
}

/** The Accept header's media ranges, best first (stable for equal quality, as goautoneg orders them). */
export function parseAccept(accept: string): MediaRange[] {
  const ranges = accept
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [type, ...rest] = part.split(";").map((s) => s.trim());
      const params: Record<string, string> = {};
      for (const param of rest) {
        const [key, value = ""] = param.split("=").map((s) => s.trim());
        if (key) params[key.toLowerCase()] = value;
      }
      const quality = params.q === undefined ? 1 : Number(params.q);
      delete params.q;
      return { type: type.toLowerCase(), params, quality: Number.isFinite(quality) ? quality : 0 };
    })
    .filter((range) => range.quality > 0);
  return ranges
    .map((range, index) => ({ range, index }))
    .sort((a, b) => b.range.quality - a.range.quality || a.index - b.index)
    .map((entry) => entry.range);
}

const plainJson = (range: MediaRange) =>
  ["application/json", "application/*", "*/*"].includes(range.type) && range.params.as === undefined;

export function notAcceptable(): ApiStatusError {
  return new ApiStatusError(
    406,
    "NotAcceptable",
    "only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf",
    {},
  );
}

/**
 * The first acceptable form: a Table (meta.k8s.io v1 or v1beta1) only for a resource that can be printed,
 * else plain JSON; nothing acceptable is 406 Not Acceptable, as the real server answers.
 */
export function negotiateRead(accept: string, printable: boolean): ReadMedia {
  if (accept.trim() === "") return { form: "json" };
  for (const range of parseAccept(accept)) {
    if (plainJson(range)) return { form: "json" };
    const { as, v, g } = range.params;
    if (printable && range.type === "application/json" && as === "Table" && g === "meta.k8s.io") {
      if (v === "v1" || v === "v1beta1") return { form: "table", version: v };
    }
  }
  throw notAcceptable();
}

/** `/api` and `/apis`: the aggregated APIGroupDiscoveryList when asked for, else the legacy documents. */
export function negotiateDiscovery(accept: string): DiscoveryMedia {
  for (const range of parseAccept(accept)) {
    if (plainJson(range)) return { form: "legacy" };
    const { as, v, g } = range.params;
    if (range.type === "application/json" && as === "APIGroupDiscoveryList" && g === "apidiscovery.k8s.io") {
      if (v === "v2" || v === "v2beta1") return { form: "aggregated", version: v };
    }
  }
  return { form: "legacy" };
}
