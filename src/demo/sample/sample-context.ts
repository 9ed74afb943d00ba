import type { KubeObject } from "../../core/ports.js";
import { seededRandom } from "../seeded-random.js";

/** A fault planted in the sample data, which `diagnose` must find. */
export interface PlantedFault {
  reason: string;
  kind: string;
  namespace?: string;
  name: string;
}

export interface ContainerRef {
  namespace: string;
  name: string;
  container: string;
}

export interface LogLine {
  /** Milliseconds since the epoch. */
  at: number;
  text: string;
}

/** The log of one container: the current run and, after a restart, the run before it. */
export interface ContainerLog {
  current: LogLine[];
  previous?: LogLine[];
}

/** Everything a sample-data builder adds to, with the seeded randomness that makes it reproducible. */
export interface SampleContext {
  seed: number;
  now: number;
  random: () => number;
  objects: KubeObject[];
  /** `namespace/pod/container` → log. */
  logs: Map<string, ContainerLog>;
  faults: PlantedFault[];
  /** The container whose log carries the planted prompt-injection line. */
  promptInjectionLog?: ContainerRef;
  nextResourceVersion: number;
  /** `ago()` results by seconds: thousands of generated pods share a handful of times. */
  timestamps: Map<number, string>;
}

export function createContext(seed: number, now: number): SampleContext {
  return {
    seed,
    now,
    random: seededRandom(seed),
    objects: [],
    logs: new Map(),
    faults: [],
    nextResourceVersion: 1000,
    timestamps: new Map(),
  };
}

/** The alphabet Kubernetes uses for generated name suffixes (no vowels, no look-alikes). */
const nameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

/** FNV-1a: turns a name key into a seed, so generated names depend only on the seed and the key. */
function hashKey(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/**
 * A generated name suffix (`7c9f8b6d5`, `x2k9p`) fixed by the seed and a key such as
 * `shop/checkout/pod/2`, so adding sample objects elsewhere never renames existing ones.
 */
export function nameSuffix(ctx: SampleContext, key: string, length: number): string {
  const random = seededRandom(hashKey(`${ctx.seed}:${key}`));
  let out = "";
  for (let i = 0; i < length; i++) out += nameAlphabet[Math.floor(random() * nameAlphabet.length)];
  return out;
}

export function randomInt(ctx: SampleContext, min: number, max: number): number {
  return min + Math.floor(ctx.random() * (max - min + 1));
}

/** `length` random hex digits, eight per draw. */
export function randomHex(ctx: SampleContext, length: number): string {
  let out = "";
  while (out.length < length)
    out += Math.floor(ctx.random() * 0x100000000)
      .toString(16)
      .padStart(8, "0");
  return out.slice(0, length);
}

export function uid(ctx: SampleContext): string {
  const h = randomHex(ctx, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

/** An RFC 3339 timestamp `seconds` before the sample's "now", without milliseconds as the API server writes it. */
export function ago(ctx: SampleContext, seconds: number): string {
  const cached = ctx.timestamps.get(seconds);
  if (cached) return cached;
  const text = new Date(ctx.now - seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
  ctx.timestamps.set(seconds, text);
  return text;
}

export interface MetaOptions {
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  createdAgo: number;
  owner?: KubeObject;
}

export function objectMeta(ctx: SampleContext, name: string, options: MetaOptions): KubeObject["metadata"] {
  const meta: KubeObject["metadata"] = {
    name,
    uid: uid(ctx),
    resourceVersion: String(ctx.nextResourceVersion++),
    creationTimestamp: ago(ctx, options.createdAgo),
  };
  if (options.namespace) meta.namespace = options.namespace;
  if (options.labels) meta.labels = options.labels;
  if (options.annotations) meta.annotations = options.annotations;
  if (options.owner) {
    meta.ownerReferences = [
      {
        apiVersion: options.owner.apiVersion,
        kind: String(options.owner.kind),
        name: options.owner.metadata.name,
        uid: options.owner.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      } as { kind: string; name: string; controller?: boolean },
    ];
  }
  return meta;
}

export function addObject<T extends KubeObject>(ctx: SampleContext, object: T): T {
  ctx.objects.push(object);
  return object;
}

export const day = 86_400;
export const hour = 3_600;
export const minute = 60;
