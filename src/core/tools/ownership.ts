import type { KubeObject } from "../ports.js";

interface OwnerReference {
  kind: string;
  name: string;
  uid?: string;
  controller?: boolean;
}

/** Owned through an ownerReference to this very object: by uid when both carry one, else by kind and name. */
export function isOwnedBy(object: KubeObject, owner: KubeObject): boolean {
  const references = (object.metadata.ownerReferences ?? []) as OwnerReference[];
  return references.some((reference) =>
    reference.uid && owner.metadata.uid
      ? reference.uid === owner.metadata.uid
      : reference.kind === owner.kind && reference.name === owner.metadata.name,
  );
}

/** The controller's kind and name from the ownerReferences, if any. */
export function controllerOf(object: KubeObject): OwnerReference | undefined {
  const references = (object.metadata.ownerReferences ?? []) as OwnerReference[];
  return references.find((reference) => reference.controller) ?? references[0];
}

/** The pod named so, or a pod whose owner chain names it (pod → ReplicaSet → Deployment), never a name prefix. */
export function isPodOf(pod: KubeObject, name: string): boolean {
  if (pod.metadata.name === name) return true;
  const owner = pod.metadata.ownerReferences?.[0];
  if (!owner) return false;
  if (owner.name === name) return true;
  // A ReplicaSet is named after its Deployment plus the pod-template hash the pod carries as a label.
  const hash = pod.metadata.labels?.["pod-template-hash"];
  return owner.kind === "ReplicaSet" && hash !== undefined && owner.name === `${name}-${hash}`;
}
