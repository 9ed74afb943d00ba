import type { KubeObject } from "../core/ports.js";
import { badRequest, expiredContinue } from "./api-status.js";
import type { ObjectPredicate } from "./selectors.js";

export interface ListPage {
  items: KubeObject[];
  continueToken?: string;
  remainingItemCount?: number;
}

interface ContinueState {
  /** The server instance that issued the token: another instance's token has expired. */
  server: string;
  /** The last key returned; the next page starts after it. */
  after: string;
}

function encodeContinue(state: ContinueState): string {
  return Buffer.from(JSON.stringify(state)).toString("base64url");
}

function readContinue(token: string): ContinueState | undefined {
  try {
    const state = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as Partial<ContinueState>;
    if (typeof state.server === "string" && typeof state.after === "string" && state.after !== "") {
      return { server: state.server, after: state.after };
    }
  } catch {
    // not base64 JSON: unreadable
  }
  return undefined;
}

/**
 * A token this server cannot read is 400, as kube-apiserver answers a malformed one; a token from
 * another server instance stands for a compacted snapshot: 410, offering an inconsistent continue.
 */
function decodeContinue(token: string, server: string): ContinueState {
  const state = readContinue(token);
  if (!state) throw badRequest("invalid continue token: continue key is not valid");
  if (state.server !== server) throw expiredContinue(encodeContinue({ server, after: state.after }));
  return state;
}

/** First index whose key sorts after `key` (keys are sorted). */
function firstAfter(keys: string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (keys[mid] <= key) low = mid + 1;
    else high = mid;
  }
  return low;
}

export interface PageRequest {
  limit?: string;
  continueToken?: string;
  predicate?: ObjectPredicate;
  server: string;
}

/** One page of a sorted list, paged by key as etcd does, so every object comes exactly once. */
export function pageList(source: { items: KubeObject[]; keys: string[] }, request: PageRequest): ListPage {
  const limit = request.limit === undefined || request.limit === "" ? 0 : Number(request.limit);
  if (!Number.isInteger(limit) || limit < 0) throw badRequest(`invalid limit: ${request.limit}`);
  const start = request.continueToken
    ? firstAfter(source.keys, decodeContinue(request.continueToken, request.server).after)
    : 0;
  const items: KubeObject[] = [];
  let index = start;
  for (; index < source.items.length; index++) {
    const object = source.items[index];
    if (request.predicate && !request.predicate(object)) continue;
    if (limit > 0 && items.length === limit) break;
    items.push(object);
  }
  if (index >= source.items.length || items.length === 0) return { items };
  const continueToken = encodeContinue({ server: request.server, after: source.keys[index - 1] });
  const remainingItemCount = request.predicate ? undefined : source.items.length - index;
  return { items, continueToken, remainingItemCount };
}
