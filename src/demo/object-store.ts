import type { KubeObject } from "../core/ports.js";
import { builtinTypes, type ServedType, type TypeRegistry, typeKey } from "./resource-types.js";

/** Objects of one type, sorted once by namespace/name (the order a real server lists in). */
export interface TypeIndex {
  all: KubeObject[];
  /** `namespace/name` (or `name`) of each entry of `all`, for binary search when paging. */
  keys: string[];
  byNamespace: Map<string, { items: KubeObject[]; keys: string[] }>;
  byName: Map<string, KubeObject>;
}

export function objectKey(object: KubeObject): string {
  const ns = object.metadata.namespace;
  return ns ? `${ns}/${object.metadata.name}` : object.metadata.name;
}

function emptyIndex(): TypeIndex {
  return { all: [], keys: [], byNamespace: new Map(), byName: new Map() };
}

/** An in-memory, read-only object store indexed for the list paths the API server serves. */
export class ObjectStore {
  private readonly indexes = new Map<string, TypeIndex>();

  constructor(
    objects: KubeObject[],
    private readonly types: TypeRegistry = builtinTypes,
  ) {
    for (const object of objects) {
      const type = types.forKind(String(object.apiVersion), String(object.kind));
      if (!type) throw new Error(`sample object of unserved type ${object.apiVersion} ${object.kind}`);
      const index = this.indexes.get(typeKey(type)) ?? emptyIndex();
      this.indexes.set(typeKey(type), index);
      index.all.push(object);
    }
    for (const index of this.indexes.values()) this.finishIndex(index);
  }

  private finishIndex(index: TypeIndex): void {
    const keyed = index.all.map((o) => ({ o, k: objectKey(o) }));
    keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
    index.all = keyed.map((e) => e.o);
    index.keys = keyed.map((e) => e.k);
    for (const { o, k } of keyed) {
      index.byName.set(k, o);
      const ns = o.metadata.namespace;
      if (!ns) continue;
      const bucket = index.byNamespace.get(ns) ?? { items: [], keys: [] };
      index.byNamespace.set(ns, bucket);
      bucket.items.push(o);
      bucket.keys.push(k);
    }
  }

  /** Every object of a type, or of one namespace, sorted by key. */
  list(type: ServedType, namespace?: string): { items: KubeObject[]; keys: string[] } {
    const index = this.indexes.get(typeKey(type)) ?? emptyIndex();
    if (namespace === undefined) return { items: index.all, keys: index.keys };
    return index.byNamespace.get(namespace) ?? { items: [], keys: [] };
  }

  get(type: ServedType, name: string, namespace?: string): KubeObject | undefined {
    const key = namespace ? `${namespace}/${name}` : name;
    return this.indexes.get(typeKey(type))?.byName.get(key);
  }

  /** Puts `next` where `previous` (same kind, namespace and name) is, in every index. */
  replace(previous: KubeObject, next: KubeObject): void {
    const type = this.types.forKind(String(previous.apiVersion), String(previous.kind));
    const index = type && this.indexes.get(typeKey(type));
    const key = objectKey(previous);
    if (!index || index.byName.get(key) !== previous) return;
    index.byName.set(key, next);
    const swap = (items: KubeObject[]) => items.splice(items.indexOf(previous), 1, next);
    swap(index.all);
    const bucket = previous.metadata.namespace
      ? index.byNamespace.get(previous.metadata.namespace)
      : undefined;
    if (bucket) swap(bucket.items);
  }

  count(type: ServedType): number {
    return this.indexes.get(typeKey(type))?.all.length ?? 0;
  }
}
