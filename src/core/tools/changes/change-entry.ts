import type { KubeObject } from "../../ports.js";

export type ChangeAspect = "rollout" | "scale" | "update" | "restart" | "node" | "warning";

/** One line of the timeline: when, what object, what happened. */
export interface ChangeEntry {
  atMs: number;
  aspect: ChangeAspect;
  kind: string;
  namespace?: string;
  name: string;
  /** English, one line: "revision 7: container catalog image 2.3.1 → v2.4.0-rc1". */
  what: string;
  /** Who made it, when the cluster says (managedFields manager, event source). */
  by?: string;
  /** Names of the object and its owners, so "changes of checkout" finds its ReplicaSets' and pods' lines. */
  about: string[];
}

/** Everything recent_changes reads once per call, already narrowed to the target namespaces. */
export interface ChangeSnapshot {
  workloads: KubeObject[];
  replicaSets: KubeObject[];
  controllerRevisions: KubeObject[];
  configured: KubeObject[];
  pods: KubeObject[];
  nodes: KubeObject[];
  events: KubeObject[];
}

export interface ChangeWindow {
  fromMs: number;
  nowMs: number;
}

export function inWindow(atMs: number, window: ChangeWindow): boolean {
  return atMs > 0 && atMs >= window.fromMs && atMs <= window.nowMs + 60_000;
}

/** The object's name and its owners' names found in the snapshot (ReplicaSet → Deployment), nearest first. */
export function ownerChain(object: KubeObject, byName: Map<string, KubeObject>): string[] {
  const chain = [object.metadata.name];
  let current: KubeObject | undefined = object;
  for (let depth = 0; current && depth < 3; depth++) {
    const owner = (current.metadata.ownerReferences ?? [])[0];
    if (!owner) break;
    chain.push(owner.name);
    current = byName.get(`${owner.kind}/${current.metadata.namespace ?? ""}/${owner.name}`);
  }
  return chain;
}

export function keyOf(object: KubeObject): string {
  return `${object.kind}/${object.metadata.namespace ?? ""}/${object.metadata.name}`;
}

export function timeOf(stamp: string | undefined | null): number {
  const time = stamp ? Date.parse(stamp) : Number.NaN;
  return Number.isNaN(time) ? 0 : time;
}
