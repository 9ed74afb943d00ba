import type { KubeObject } from "../core/ports.js";
import { ApiStatusError, notFound } from "./api-status.js";
import { pageList } from "./list-paging.js";
import { negotiateRead } from "./media-types.js";
import type { ObjectStore } from "./object-store.js";
import { podLogText } from "./pod-logs.js";
import { apiVersionOf, findServedType, type ServedType } from "./resource-types.js";
import type { ContainerLog } from "./sample/sample-context.js";
import { parseFieldSelector, parseLabelSelector } from "./selectors.js";
import { customResourcePrinter } from "./tables/custom-columns.js";
import { printerFor } from "./tables/kind-printers.js";
import { type IncludeObject, renderTable } from "./tables/printer.js";

export interface ApiReply {
  status: number;
  body: string;
  contentType: string;
}

export interface ReadContext {
  store: ObjectStore;
  logs: Map<string, ContainerLog>;
  /** Identifies this server instance in continue tokens. */
  serverId: string;
  resourceVersion: string;
  /**
   * A snapshot serves only what it captured: no made-up start-up logs for quiet containers (the demo
   * has them), and metrics.k8s.io answers 503, as a cluster whose metrics API is down does.
   */
  capturedOnly?: boolean;
}

export interface ResourceRead {
  type: ServedType;
  namespace?: string;
  name?: string;
  subresource?: string;
  query: Record<string, string>;
  accept: string;
  watch: boolean;
}

const coreEvents = findServedType("", "v1", "events")!;
const crds = findServedType("apiextensions.k8s.io", "v1", "customresourcedefinitions")!;

/** Sample objects never change, so each is serialised once; a 10,000-pod list is then a join. */
const serialised = new WeakMap<KubeObject, string>();

function objectJson(object: KubeObject): string {
  let text = serialised.get(object);
  if (text === undefined) {
    text = JSON.stringify(object);
    serialised.set(object, text);
  }
  return text;
}

/**
 * A list item as kube-apiserver encodes it: a built-in type's items carry no apiVersion/kind (only
 * custom resources, stored unstructured, keep theirs).
 */
const serialisedItem = new WeakMap<KubeObject, string>();

function itemJson(object: KubeObject, custom: boolean): string {
  if (custom) return objectJson(object);
  let text = serialisedItem.get(object);
  if (text === undefined) {
    const { apiVersion: _apiVersion, kind: _kind, ...rest } = object;
    text = JSON.stringify(rest);
    serialisedItem.set(object, text);
  }
  return text;
}

function json(body: unknown, contentType = "application/json"): ApiReply {
  return { status: 200, body: JSON.stringify(body), contentType };
}

/**
 * events.k8s.io/v1 is a view of the same events with the newer field names. An event recorded through
 * events.k8s.io (the scheduler's FailedScheduling) has `series` and null legacy timestamps in both views.
 */
function asEventsV1(event: KubeObject): KubeObject {
  const e = event as KubeObject & Record<string, unknown>;
  const view: KubeObject & Record<string, unknown> = {
    apiVersion: "events.k8s.io/v1",
    kind: "Event",
    metadata: e.metadata,
    eventTime: e.eventTime ?? null,
    reportingController: e.reportingComponent,
    reportingInstance: e.reportingInstance,
    action: e.reason,
    reason: e.reason,
    regarding: e.involvedObject,
    note: e.message,
    type: e.type,
    deprecatedSource: e.source,
    deprecatedFirstTimestamp: e.firstTimestamp,
    deprecatedLastTimestamp: e.lastTimestamp,
  };
  if (e.series) view.series = e.series;
  if (e.count) view.deprecatedCount = e.count;
  return view;
}

function storedType(type: ServedType): ServedType {
  return type.group === "events.k8s.io" ? coreEvents : type;
}

function present(type: ServedType, object: KubeObject): KubeObject {
  return type.group === "events.k8s.io" ? asEventsV1(object) : object;
}

/** Whether the type is a custom resource (its CRD is stored), which a server keeps unstructured. */
function isCustom(type: ServedType, ctx: ReadContext): boolean {
  return ctx.store.get(crds, `${type.plural}.${type.group}`) !== undefined;
}

/** The simulated metrics API, like a metrics-server that predates Table support, prints no Table. */
function printable(type: ServedType): boolean {
  return type.group !== "metrics.k8s.io";
}

/** The Table version negotiated from Accept, undefined for plain JSON (406 when neither is acceptable). */
function tableVersion(read: ResourceRead): string | undefined {
  const media = negotiateRead(read.accept, printable(read.type));
  return media.form === "table" ? media.version : undefined;
}

function includeObject(query: Record<string, string>): IncludeObject {
  const value = query.includeObject;
  return value === "None" || value === "Object" ? value : "Metadata";
}

/** A custom resource prints the columns its CRD declares; every other kind prints kubectl's. */
function tablePrinter(type: ServedType, ctx: ReadContext) {
  const crd = ctx.store.get(crds, `${type.plural}.${type.group}`);
  return (crd && customResourcePrinter(crd, type.version)) || printerFor(type);
}

/** Rows come from the stored objects: events.k8s.io events print with the core event columns. */
function tableReply(
  read: ResourceRead,
  ctx: ReadContext,
  objects: KubeObject[],
  version: string,
  page: { continueToken?: string; remainingItemCount?: number },
  now: number,
): ApiReply {
  const table = renderTable(
    tablePrinter(read.type, ctx),
    objects,
    includeObject(read.query),
    { resourceVersion: ctx.resourceVersion, ...page },
    now,
  );
  table.apiVersion = `meta.k8s.io/${version}`;
  return json(table, `application/json;as=Table;v=${version};g=meta.k8s.io`);
}

/** A GET on a served resource: one object, a page of a list, a watch replay, or a pod's log. */
export function readResource(read: ResourceRead, ctx: ReadContext, now: number): ApiReply {
  if (ctx.capturedOnly && read.type.group === "metrics.k8s.io") {
    throw new ApiStatusError(
      503,
      "ServiceUnavailable",
      "no metrics in this snapshot: cluster-info dumps and support bundles do not capture metrics.k8s.io",
    );
  }
  const type = storedType(read.type);
  if (read.name !== undefined && !read.watch) {
    const object = ctx.store.get(type, read.name, read.namespace);
    if (!object) throw notFound(read.type.plural, read.name, read.type.group);
    if (read.subresource === "log") {
      return {
        status: 200,
        body: podLogText(object, ctx.logs, read.query, now, ctx.capturedOnly),
        contentType: "text/plain",
      };
    }
    const table = tableVersion(read);
    const shown = present(read.type, object);
    if (table) return tableReply(read, ctx, [object], table, {}, now);
    return { status: 200, body: objectJson(shown), contentType: "application/json" };
  }
  const table = read.watch ? undefined : tableVersion(read);
  const label = parseLabelSelector(read.query.labelSelector);
  const field = parseFieldSelector(read.query.fieldSelector, type.kind);
  const byName = read.name === undefined ? undefined : (o: KubeObject) => o.metadata.name === read.name;
  const filters = [label, field, byName].filter((f) => f !== undefined);
  const predicate = filters.length > 0 ? (o: KubeObject) => filters.every((f) => f(o)) : undefined;
  const page = pageList(ctx.store.list(type, read.namespace), {
    limit: read.query.limit,
    continueToken: read.query.continue,
    predicate,
    server: ctx.serverId,
  });
  const items = page.items.map((o) => present(read.type, o));
  if (read.watch) {
    const body = items.map((object) => `{"type":"ADDED","object":${objectJson(object)}}\n`).join("");
    return { status: 200, body, contentType: "application/json" };
  }
  if (table) return tableReply(read, ctx, page.items, table, page, now);
  const metadata: Record<string, unknown> = { resourceVersion: ctx.resourceVersion };
  if (page.continueToken) metadata.continue = page.continueToken;
  if (page.remainingItemCount !== undefined) metadata.remainingItemCount = page.remainingItemCount;
  const head = JSON.stringify({
    kind: `${read.type.kind}List`,
    apiVersion: apiVersionOf(read.type),
    metadata,
  });
  const custom = isCustom(read.type, ctx);
  const body = `${head.slice(0, -1)},"items":[${items.map((o) => itemJson(o, custom)).join(",")}]}`;
  return { status: 200, body, contentType: "application/json" };
}
