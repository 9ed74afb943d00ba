import type { Cell } from "../answer.js";
import type { KubeObject } from "../ports.js";
import type { ToolContext, ToolOutput } from "./define-tool.js";
import { listAcross } from "./list-across.js";
import { type NamespaceTarget, namespaceTarget } from "./namespace-scope.js";
import { isPodOf } from "./ownership.js";
import { resolveKind } from "./resolve-kind.js";

interface ClaimSpec {
  volumeName?: string;
  storageClassName?: string;
  resources?: { requests?: { storage?: string } };
}

/**
 * "which pv is postgres using": no volume or claim is called postgres, so the ones meant are those its pods mount
 * (the pod itself, or its workload's pods by ownerReferences), each claim with the volume bound to it. Undefined
 * when no pod is X's.
 */
export async function claimsOf(
  context: ToolContext,
  name: string,
  target: NamespaceTarget,
): Promise<ToolOutput | undefined> {
  const podType = await resolveKind(context.cluster, "pods");
  const scope = target.allNamespaces ? target : namespaceTarget(context, podType, { all_namespaces: true });
  const pods = (await listAcross(context, podType, scope)).filter((pod) => isPodOf(pod, name));
  if (pods.length === 0) return undefined;
  const claimType = await resolveKind(context.cluster, "persistentvolumeclaims");
  const volumeType = await resolveKind(context.cluster, "persistentvolumes");
  const rows: Cell[][] = [];
  const volumes: string[] = [];
  for (const pod of pods) {
    for (const claimName of claimNames(pod)) {
      const claim = await context.cluster
        .get(claimType, claimName, pod.metadata.namespace)
        .catch(() => undefined as KubeObject | undefined);
      const spec = (claim?.spec ?? {}) as ClaimSpec;
      const status = (claim?.status ?? {}) as { phase?: string; capacity?: { storage?: string } };
      if (spec.volumeName) volumes.push(spec.volumeName);
      const volume = spec.volumeName
        ? await context.cluster
            .get(volumeType, spec.volumeName)
            .catch(() => undefined as KubeObject | undefined)
        : undefined;
      const reclaim = (volume?.spec as { persistentVolumeReclaimPolicy?: string } | undefined)
        ?.persistentVolumeReclaimPolicy;
      rows.push([
        pod.metadata.namespace ?? null,
        pod.metadata.name,
        claimName,
        claim ? (status.phase ?? null) : "<missing>",
        spec.volumeName ?? "<none>",
        status.capacity?.storage ?? spec.resources?.requests?.storage ?? null,
        spec.storageClassName ?? null,
        reclaim ?? null,
      ]);
    }
  }
  const headline =
    rows.length === 0
      ? `The pods of ${name} mount no persistent volume claim.`
      : `The pods of ${name} use ${rows.length} claim${rows.length === 1 ? "" : "s"} (${claimsText(rows)})${volumes.length > 0 ? `, bound to ${volumes.join(", ")}` : ", none bound"}.`;
  const headlineZh =
    rows.length === 0
      ? `${name} 的 Pod 没有挂载持久卷声明。`
      : `${name} 的 Pod 使用 ${rows.length} 个持久卷声明（${claimsText(rows)}）${volumes.length > 0 ? `，绑定的持久卷：${volumes.join("、")}` : "，都未绑定"}。`;
  return {
    parts: [
      {
        type: "table",
        title: `Volumes used by the pods of ${name}`,
        columns: [
          "NAMESPACE",
          "POD",
          "CLAIM",
          "STATUS",
          "VOLUME",
          "CAPACITY",
          "STORAGECLASS",
          "RECLAIM POLICY",
        ],
        rows,
        nameColumn: 2,
        unhealthyRows: rows.flatMap((row, index) => (row[3] === "Bound" ? [] : [index])),
      },
    ],
    facts: { count: rows.length, selecting: name, volumes, headline, headline_zh: headlineZh },
    notes: [],
  };
}

function claimNames(pod: KubeObject): string[] {
  const volumes = ((pod.spec ?? {}) as { volumes?: { persistentVolumeClaim?: { claimName?: string } }[] })
    .volumes;
  return (volumes ?? []).flatMap((volume) =>
    volume.persistentVolumeClaim?.claimName ? [volume.persistentVolumeClaim.claimName] : [],
  );
}

/** "data-postgres-0 20Gi standard, reclaim Delete": each claim's size, class and what happens to its volume. */
function claimsText(rows: Cell[][]): string {
  return rows
    .map(([, , claim, , , capacity, storageClass, reclaim]) =>
      [claim, capacity, storageClass, reclaim ? `reclaim ${reclaim}` : undefined].filter(Boolean).join(" "),
    )
    .join("; ");
}

/**
 * "does the fast-ssd storage class exist?": when it does not, the claims in the scope that ask for it are why it
 * matters (they stay Pending): "; asked for by analytics/analytics-scratch (Pending)". Empty when none does.
 */
export async function claimsAskingForClass(context: ToolContext, storageClass: string): Promise<string> {
  const claimType = await resolveKind(context.cluster, "persistentvolumeclaims");
  const scope = namespaceTarget(context, claimType, { all_namespaces: true });
  const asking = (await listAcross(context, claimType, scope)).filter(
    (claim) => (claim.spec as ClaimSpec | undefined)?.storageClassName === storageClass,
  );
  if (asking.length === 0) return "";
  const said = asking.map((claim) => {
    const phase = (claim.status as { phase?: string } | undefined)?.phase ?? "unknown";
    return `${claim.metadata.namespace}/${claim.metadata.name} (${phase})`;
  });
  return `; asked for by ${asking.length === 1 ? "claim" : "claims"} ${said.join(", ")}`;
}
