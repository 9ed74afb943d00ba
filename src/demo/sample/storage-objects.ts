import type { KubeObject } from "../../core/ports.js";
import { addObject, objectMeta, type SampleContext } from "./sample-context.js";

export function storageClass(
  ctx: SampleContext,
  name: string,
  provisioner: string,
  isDefault: boolean,
  createdAgo: number,
): KubeObject {
  return addObject(ctx, {
    apiVersion: "storage.k8s.io/v1",
    kind: "StorageClass",
    metadata: objectMeta(ctx, name, {
      createdAgo,
      annotations: isDefault ? { "storageclass.kubernetes.io/is-default-class": "true" } : undefined,
    }),
    provisioner,
    reclaimPolicy: "Delete",
    volumeBindingMode: "WaitForFirstConsumer",
    allowVolumeExpansion: true,
  });
}

/** A PVC bound to a dynamically provisioned PV (`pvc-<uid>`), both consistent with each other. */
export function boundClaim(
  ctx: SampleContext,
  ns: string,
  name: string,
  size: string,
  createdAgo: number,
  labels?: Record<string, string>,
): KubeObject {
  const claim = addObject(ctx, {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: objectMeta(ctx, name, {
      namespace: ns,
      labels,
      createdAgo,
      annotations: {
        "pv.kubernetes.io/bind-completed": "yes",
        "volume.kubernetes.io/storage-provisioner": "rancher.io/local-path",
      },
    }),
    spec: {
      accessModes: ["ReadWriteOnce"],
      resources: { requests: { storage: size } },
      storageClassName: "standard",
      volumeMode: "Filesystem",
    },
    status: { phase: "Bound", accessModes: ["ReadWriteOnce"], capacity: { storage: size } },
  });
  const pvName = `pvc-${claim.metadata.uid}`;
  (claim.spec as Record<string, unknown>).volumeName = pvName;
  addObject(ctx, {
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata: objectMeta(ctx, pvName, {
      createdAgo: createdAgo - 5,
      annotations: { "pv.kubernetes.io/provisioned-by": "rancher.io/local-path" },
    }),
    spec: {
      capacity: { storage: size },
      accessModes: ["ReadWriteOnce"],
      persistentVolumeReclaimPolicy: "Delete",
      storageClassName: "standard",
      volumeMode: "Filesystem",
      hostPath: { path: `/var/local-path-provisioner/${pvName}_${ns}_${name}`, type: "DirectoryOrCreate" },
      claimRef: {
        kind: "PersistentVolumeClaim",
        namespace: ns,
        name,
        uid: claim.metadata.uid,
        apiVersion: "v1",
      },
    },
    status: { phase: "Bound" },
  });
  return claim;
}

export function pendingClaim(
  ctx: SampleContext,
  ns: string,
  name: string,
  size: string,
  storageClassName: string,
  createdAgo: number,
): KubeObject {
  return addObject(ctx, {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: objectMeta(ctx, name, { namespace: ns, createdAgo }),
    spec: {
      accessModes: ["ReadWriteOnce"],
      resources: { requests: { storage: size } },
      storageClassName,
      volumeMode: "Filesystem",
    },
    status: { phase: "Pending" },
  });
}
