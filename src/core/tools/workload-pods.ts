import type { TableRow } from "../ports.js";

// The suffixes controllers give pods: ReplicaSet hash + random (deployments), random (daemonsets, jobs), ordinal
// (statefulsets). Kubernetes' random suffixes use consonants and digits only.
const POD_SUFFIX = /-(?:[a-z0-9]{5,10}-)?[bcdfghjklmnpqrstvwxz2456789]{5}$|-\d+$/;

/** The workload name a pod's name was generated from ("checkout-26l478mgff-5bj6r" → "checkout"). */
export function workloadBase(podName: string): string {
  return podName.replace(POD_SUFFIX, "");
}

const RANDOM_SUFFIX = /-[bcdfghjklmnpqrstvwxz2456789]{5}$/;

/**
 * The names a pod's name may have been generated from, longest removal first: "kube-proxy-vjlxr" is a DaemonSet's
 * pod (kube-proxy), though "proxy" looks like a ReplicaSet hash (kube).
 */
export function workloadBases(podName: string): string[] {
  return [...new Set([workloadBase(podName), podName.replace(RANDOM_SUFFIX, "")])].filter(
    (base) => base !== podName,
  );
}

/** Several pods in one namespace, all generated from the same workload name. */
export function sameWorkload(rows: readonly TableRow[]): boolean {
  if (rows.length < 2) return false;
  const [first] = rows;
  const base = workloadBase(first.name);
  return (
    base !== first.name &&
    rows.every((row) => row.namespace === first.namespace && workloadBase(row.name) === base)
  );
}

/** The rows of pods generated from exactly `workload` ("api", not api-gateway's pods that share the prefix). */
export function podsGeneratedFrom<Row extends { name: string }>(
  rows: readonly Row[],
  workload: string,
): Row[] {
  return rows.filter((row) => workloadBases(row.name).includes(workload));
}
