import type { KubeObject } from "../../core/ports.js";
import { builtinTypes, type ServedType, TypeRegistry, typeKey } from "../resource-types.js";
import { customResourceTypes } from "./snapshot-types.js";

// biome-ignore lint/suspicious/noExplicitAny: snapshot files are untyped JSON
type Loose = any;

/** The kind a file holds when its list items carry none (support bundles name files by resource). */
export interface KindHint {
  apiVersion: string;
  kind: string;
}

const isObject = (value: unknown): value is Loose =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function groupOf(apiVersion: string): string {
  return apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
}

/** events.k8s.io/v1 events become the core shape the simulator stores (and serves in both APIs). */
function asCoreEvent(event: Loose): Loose {
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: event.metadata,
    involvedObject: event.regarding ?? {},
    reason: event.reason,
    message: event.note,
    type: event.type,
    source: event.deprecatedSource ?? { component: event.reportingController },
    reportingComponent: event.reportingController,
    reportingInstance: event.reportingInstance,
    firstTimestamp: event.deprecatedFirstTimestamp ?? null,
    lastTimestamp: event.deprecatedLastTimestamp ?? null,
    count: event.deprecatedCount ?? event.series?.count,
    eventTime: event.eventTime ?? null,
    series: event.series,
  };
}

/**
 * Gathers the objects of a snapshot's files: single objects, `List`s and typed lists whose items carry
 * no kind, de-duplicated by type, namespace and name. Secrets are never kept; kinds nothing serves
 * are counted and reported.
 */
export class ObjectCollector {
  private readonly pending: { object: Loose; file: string }[] = [];
  private secrets = 0;
  private readonly kindless = new Map<string, number>();
  private readonly notes: string[] = [];

  /** A remark for the user about what the loader did with part of the snapshot. */
  note(text: string): void {
    this.notes.push(text);
  }

  add(document: unknown, file: string, hint?: KindHint): void {
    // troubleshoot writes custom resources as a bare YAML/JSON sequence of objects.
    if (Array.isArray(document)) {
      for (const item of document) this.add(item, file, hint);
      return;
    }
    if (!isObject(document)) return;
    const listKind =
      typeof document.kind === "string" && document.kind.endsWith("List") ? document.kind : undefined;
    if (Array.isArray(document.items) && (listKind || document.kind === undefined)) {
      const itemKind = listKind && listKind !== "List" ? listKind.slice(0, -"List".length) : undefined;
      for (const item of document.items) {
        if (!isObject(item)) continue;
        this.addObject(
          {
            ...item,
            kind: item.kind ?? itemKind ?? hint?.kind,
            apiVersion: item.apiVersion ?? (itemKind ? document.apiVersion : undefined) ?? hint?.apiVersion,
          },
          file,
        );
      }
      return;
    }
    this.addObject(
      { ...document, kind: document.kind ?? hint?.kind, apiVersion: document.apiVersion ?? hint?.apiVersion },
      file,
    );
  }

  private addObject(object: Loose, file: string): void {
    if (!isObject(object.metadata) || typeof object.metadata.name !== "string") return;
    if (typeof object.kind !== "string" || typeof object.apiVersion !== "string") {
      this.kindless.set(file, (this.kindless.get(file) ?? 0) + 1);
      return;
    }
    if (object.kind === "Secret" && groupOf(object.apiVersion) === "") {
      this.secrets += 1;
      return;
    }
    this.pending.push({
      object: object.apiVersion === "events.k8s.io/v1" ? asCoreEvent(object) : object,
      file,
    });
  }

  /** The objects the server will serve, the types it serves them as, and what was left out. */
  finish(): { objects: KubeObject[]; types: TypeRegistry; remarks: string[] } {
    const crds = this.pending
      .map((p) => p.object)
      .filter(
        (o) => o.kind === "CustomResourceDefinition" && groupOf(o.apiVersion) === "apiextensions.k8s.io",
      );
    const types = snapshotTypes(crds);
    const kept = new Map<string, KubeObject>();
    const unserved = new Map<string, number>();
    for (const { object } of this.pending) {
      const type = servedTypeFor(types, object);
      if (!type) {
        const label = `${object.kind} (${object.apiVersion})`;
        unserved.set(label, (unserved.get(label) ?? 0) + 1);
        continue;
      }
      const normalised = {
        ...object,
        apiVersion: type.group ? `${type.group}/${type.version}` : type.version,
      };
      kept.set(`${typeKey(type)}/${object.metadata.namespace ?? ""}/${object.metadata.name}`, normalised);
    }
    const remarks: string[] = [...this.notes];
    if (this.secrets > 0)
      remarks.push(`${this.secrets} Secret${this.secrets === 1 ? "" : "s"} (never served)`);
    for (const [label, count] of unserved)
      remarks.push(`${count} ${label}: not a kind the snapshot server serves`);
    for (const [file, count] of this.kindless)
      remarks.push(`${count} object(s) in ${file} with no kind or apiVersion`);
    return { objects: [...kept.values()], types, remarks };
  }
}

/** The demo's built-in types without the demo's own CRD, plus the snapshot's CRDs. */
function snapshotTypes(crds: Loose[]): TypeRegistry {
  const builtin = builtinTypes.types.filter((t) => t.group !== "example.com");
  return new TypeRegistry([...builtin, ...customResourceTypes(crds, builtin)]);
}

/** A built-in kind captured at another version (autoscaling/v1 HPAs, say) is served at the simulator's version. */
function servedTypeFor(types: TypeRegistry, object: Loose): ServedType | undefined {
  const exact = types.forKind(object.apiVersion, object.kind);
  if (exact) return exact;
  const group = groupOf(object.apiVersion);
  return types.types.find((t) => t.group === group && t.kind === object.kind && t.group !== "events.k8s.io");
}
