import type { KubeObject } from "../../ports.js";
import { controllerOf } from "../ownership.js";
import type { PodTemplate } from "../rollout/revisions.js";
import { diffTemplates } from "../rollout/template-diff.js";
import {
  type ChangeEntry,
  type ChangeSnapshot,
  type ChangeWindow,
  inWindow,
  timeOf,
} from "./change-entry.js";

const REVISION = "deployment.kubernetes.io/revision";

interface RevisionObject {
  owner: string;
  ownerKind: string;
  namespace?: string;
  source: KubeObject;
  number: number;
  template: PodTemplate;
}

/** The newest revision a workload has, whenever it was made: what "nothing changed" dates from. */
export function currentRevision(
  snapshot: ChangeSnapshot,
  owner: string,
): { number: number; atMs: number; what: string } | undefined {
  const [newest, previous] = revisionsOf(snapshot)
    .filter((revision) => revision.owner === owner)
    .sort((a, b) => b.number - a.number);
  if (!newest) return undefined;
  // What it brought: the change from the revision before it, else the images it runs.
  const changes = previous ? diffTemplates(previous.template, newest.template) : [];
  const images = (newest.template.spec?.containers ?? []).map((container) => container.image).join(", ");
  const what = changes.length > 0 ? changes.map((change) => change.text).join("; ") : images;
  return { number: newest.number, atMs: timeOf(newest.source.metadata.creationTimestamp), what };
}

/** New rollout revisions in the window, each with what it changed against the revision before it. */
export function revisionChanges(snapshot: ChangeSnapshot, window: ChangeWindow): ChangeEntry[] {
  const revisions = revisionsOf(snapshot);
  const byOwner = new Map<string, RevisionObject[]>();
  for (const revision of revisions) {
    const key = `${revision.ownerKind}/${revision.namespace}/${revision.owner}`;
    byOwner.set(key, [...(byOwner.get(key) ?? []), revision]);
  }
  const entries: ChangeEntry[] = [];
  for (const list of byOwner.values()) {
    list.sort((a, b) => a.number - b.number);
    list.forEach((revision, index) => {
      const atMs = timeOf(revision.source.metadata.creationTimestamp);
      if (!inWindow(atMs, window) || index === 0) return;
      const changes = diffTemplates(list[index - 1].template, revision.template);
      const what =
        changes.length > 0 ? changes.map((change) => change.text).join("; ") : "pod template unchanged";
      const cause = revision.source.metadata.annotations?.["kubernetes.io/change-cause"];
      entries.push({
        atMs,
        aspect: "rollout",
        kind: revision.ownerKind,
        namespace: revision.namespace,
        name: revision.owner,
        what: `new revision ${revision.number} (${revision.source.metadata.name}): ${what}${cause ? ` [${cause}]` : ""}`,
        about: [revision.owner, revision.source.metadata.name],
      });
    });
  }
  return entries;
}

function revisionObject(source: KubeObject, number: number, spec: unknown): RevisionObject | undefined {
  const owner = controllerOf(source);
  if (!owner) return undefined;
  return {
    owner: owner.name,
    ownerKind: owner.kind,
    namespace: source.metadata.namespace,
    source,
    number,
    template: ((spec ?? {}) as { template?: PodTemplate }).template ?? {},
  };
}

function revisionsOf(snapshot: ChangeSnapshot): RevisionObject[] {
  return [
    ...snapshot.replicaSets.map((set) =>
      revisionObject(set, Number(set.metadata.annotations?.[REVISION] ?? 0), set.spec),
    ),
    ...snapshot.controllerRevisions.map((revision) =>
      revisionObject(revision, Number(revision.revision ?? 0), (revision.data as { spec?: unknown })?.spec),
    ),
  ].filter((revision): revision is RevisionObject => revision !== undefined);
}
