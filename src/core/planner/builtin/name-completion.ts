import type { ToolCall } from "../../answer.js";
import { namesInText, shortenedNode } from "../../names/names-in-text.js";
import type { ClusterNames } from "../../ports.js";
import { isKnownObject } from "./slot-names.js";

const NAME_WORD = /[a-z0-9][a-z0-9._-]*[a-z0-9]|[a-z0-9]/g;

/** A name completed from the cluster's names is a guess: the plan goes below the hybrid threshold (0.6). */
export const COMPLETED_NAME_CONFIDENCE = 0.5;

/** The calls with their names completed, and each completion made ("worker-3 → demo-worker-3"): the guesses. */
export interface CompletedNames {
  calls: ToolCall[];
  guessed: string[];
}

/**
 * The one step that completes a call's name from the cluster's names, the way an engineer shortens them: "worker-2"
 * is demo-worker-2 (the one name ending in -worker-2), "report" is report-nightly (the leading parts of one name);
 * both are guesses. "the postgres backup" is backup-postgres (two adjacent words that together, in either order, are
 * a name), which is the name written out. A name completed to a node gets the node's kind. Only names the cluster has; a complete index is needed to call a name
 * unknown. Names the cluster has as they are written only get their kind or namespace read (no guess).
 */
export function completeCallNames(
  text: string,
  names: ClusterNames | undefined,
  calls: ToolCall[],
): CompletedNames {
  if (!names?.complete) return { calls, guessed: [] };
  const words = [...text.toLowerCase().matchAll(NAME_WORD)].map((match) => match[0]);
  const guessed: string[] = [];
  const completedCalls = calls.map((call) => {
    const node = nodeForNamespace(names, call);
    if (node) {
      if (node.guess) guessed.push(node.guess);
      return node.call;
    }
    const name = call.args.name;
    if (typeof name !== "string") return call;
    // "payments api", "the postgres backup": the whole name, written with a space for its dash (no guess).
    const joined = joinedName(names, words, name);
    const suffixed = joined || known(names, name) ? undefined : suffixName(names, name);
    // A shortening keeps the kind said ("report pods" are report-nightly's pods, found by their prefix).
    const shortened = joined || suffixed ? undefined : shortenedName(names, name);
    const completed = joined ?? suffixed ?? shortened;
    if (!completed) return namespaceOfName(names, call, name) ?? kindOfName(names, call, name);
    if (!joined) guessed.push(`${name} → ${completed}`);
    const kinds = names.nodes.has(completed) ? ["nodes"] : (names.objects.get(completed) ?? []);
    const kind = call.args.kind;
    const keepKind =
      typeof kind === "string"
        ? kinds.includes(kind) || shortened !== undefined
        : !names.nodes.has(completed);
    return {
      ...call,
      args: { ...call.args, name: completed, ...(keepKind ? {} : { kind: preferredKind(kinds) }) },
    };
  });
  return { calls: completedCalls, guessed };
}

/**
 * "worker-3 NotReady 了", "worker-1 pods": a namespace the cluster does not have that is a node's name, or shortens
 * exactly one node's, is that node (pods are listed by the node they run on; other reads are about the node).
 */
function nodeForNamespace(
  names: ClusterNames,
  call: ToolCall,
): { call: ToolCall; guess?: string } | undefined {
  const namespace = call.args.namespace;
  if (typeof namespace !== "string" || names.namespaces.has(namespace)) return undefined;
  const node = names.nodes.has(namespace) ? namespace : shortenedNode(names, namespace);
  if (!node) return undefined;
  const guess = node === namespace ? undefined : `${namespace} → ${node}`;
  const { namespace: _namespace, name: _name, ...rest } = call.args;
  if (call.tool === "get_resources" && call.args.kind === "pods" && call.args.name === undefined)
    return {
      call: { ...call, args: { ...rest, all_namespaces: true, field_selector: `spec.nodeName=${node}` } },
      guess,
    };
  const tool = call.tool === "diagnose" || call.tool === "get_events" ? call.tool : "describe_resource";
  const { sort_by: _sortBy, all_namespaces: _all, ...nodeArgs } = rest;
  return { call: { tool, args: { ...nodeArgs, kind: "nodes", name: node } }, guess };
}

/** "worker 3", "report": the leading or trailing parts of exactly one node or object (names-in-text.ts). */
function shortenedName(names: ClusterNames, name: string): string | undefined {
  if (isKnownObject(names, name) || names.namespaces.has(name)) return undefined;
  const matches = namesInText(names, name);
  const [match] = matches;
  if (matches.length !== 1 || !match.shortened || match.written !== name.toLowerCase()) return undefined;
  return match.role === "namespace" ? undefined : match.name;
}

/**
 * "hostname of the shop ingress": a name the cluster has only as a namespace, given to a namespaced kind, is where
 * to list that kind (the executor would find no object so named).
 */
function namespaceOfName(names: ClusterNames, call: ToolCall, name: string): ToolCall | undefined {
  if (call.tool !== "get_resources" || call.args.namespace !== undefined || known(names, name, false))
    return undefined;
  if (!names.namespaces.has(name) || typeof call.args.kind !== "string" || CLUSTER_KINDS.has(call.args.kind))
    return undefined;
  const { name: _name, all_namespaces: _all, ...rest } = call.args;
  return { ...call, args: { ...rest, namespace: name } };
}

const CLUSTER_KINDS = new Set([
  "nodes",
  "namespaces",
  "persistentvolumes",
  "storageclasses",
  "customresourcedefinitions",
]);

/**
 * "what storage class does analytics-scratch ask for": a kind word that describes the object (its storage class)
 * rather than naming its kind, when the cluster has the name under exactly one other kind.
 */
function kindOfName(names: ClusterNames, call: ToolCall, name: string): ToolCall {
  const kind = call.args.kind;
  const kinds = names.objects.get(name) ?? [];
  if (typeof kind !== "string" || kind === "pods" || kinds.length !== 1 || kinds.includes(kind)) return call;
  if (names.nodes.has(name) || names.namespaces.has(name)) return call;
  // "jobs created by report-nightly": the said kind has objects the name begins (the executor's prefix match).
  for (const [other, otherKinds] of names.objects)
    if (otherKinds.includes(kind) && other.startsWith(`${name}-`)) return call;
  return { ...call, args: { ...call.args, kind: kinds[0] } };
}

function known(names: ClusterNames, name: string, namespaces = true): boolean {
  return (
    names.nodes.has(name) ||
    (namespaces && names.namespaces.has(name)) ||
    names.objects.has(name) ||
    isPodName(names, name)
  );
}

/** A pod's generated name: a known workload's name and one or two generated segments. */
function isPodName(names: ClusterNames, name: string): boolean {
  const segments = name.split("-");
  return [1, 2].some((cut) => segments.length > cut && names.objects.has(segments.slice(0, -cut).join("-")));
}

function suffixName(names: ClusterNames, name: string): string | undefined {
  if (!name.includes("-") && !/[0-9]/.test(name)) return undefined;
  const matches = [...names.nodes, ...names.objects.keys()].filter((candidate) =>
    candidate.endsWith(`-${name}`),
  );
  return matches.length === 1 ? matches[0] : undefined;
}

function joinedName(names: ClusterNames, words: readonly string[], name: string): string | undefined {
  const at = words.indexOf(name);
  if (at < 0) return undefined;
  // "the postgres backups": a plural beside the name is its singular's part of it.
  const beside = [words[at + 1], words[at - 1]].flatMap((word) =>
    word ? [word, ...(word.length > 3 && word.endsWith("s") ? [word.slice(0, -1)] : [])] : [],
  );
  for (const other of beside) {
    const found = [`${other}-${name}`, `${name}-${other}`].find((joined) => names.objects.has(joined));
    if (found) return found;
  }
  return undefined;
}

function preferredKind(kinds: readonly string[]): string {
  const order = ["nodes", "deployments", "statefulsets", "daemonsets", "cronjobs", "jobs"];
  return order.find((kind) => kinds.includes(kind)) ?? kinds.find((kind) => kind !== "services") ?? kinds[0];
}
