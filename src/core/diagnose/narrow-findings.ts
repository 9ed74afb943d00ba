import type { Finding } from "../answer.js";
import type { ResolvedName } from "../tools/resolve-name.js";
import { resolveName } from "../tools/resolve-name.js";
import type { ClusterSnapshot } from "./analyzer.js";

const SEVERITY_RANK = { critical: 0, warning: 1, info: 2 } as const;

/** Resolves `name` among every object read (exact wins, then a unique prefix). */
export function resolveDiagnosisName(snapshot: ClusterSnapshot, input: string, where: string): ResolvedName {
  const names = [
    ...new Set(
      (Object.keys(snapshot) as (keyof ClusterSnapshot)[])
        .filter((kind) => kind !== "events")
        .flatMap((kind) => snapshot[kind].map((object) => object.metadata.name)),
    ),
  ];
  // "fraud" matches the fraud-detector Deployment and its pods: the owner is the object meant.
  const matches = names.filter((name) => name.startsWith(input)).sort((a, b) => a.length - b.length);
  const owner = matches[0];
  if (owner && owner !== input && matches.every((name) => name === owner || name.startsWith(`${owner}-`))) {
    return { name: owner, note: `${input} → ${owner}` };
  }
  return resolveName(input, names, { what: "object", where });
}

/** The object itself and what it owns by name (a deployment's pods, a job's pods). */
export function findingsAbout(findings: Finding[], name: string): Finding[] {
  return findings.filter(
    (finding) => finding.object.name === name || finding.object.name.startsWith(`${name}-`),
  );
}

/** Deterministic order: severity, then namespace, name, reason. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (a.object.namespace ?? "").localeCompare(b.object.namespace ?? "") ||
      a.object.name.localeCompare(b.object.name) ||
      a.reason.localeCompare(b.reason),
  );
}
