import { age, type Loose, loose } from "./format.js";
import type { KindPrinter } from "./printer.js";

const modeNames: Record<string, string> = {
  ReadWriteOnce: "RWO",
  ReadOnlyMany: "ROX",
  ReadWriteMany: "RWX",
  ReadWriteOncePod: "RWOP",
};

function accessModes(modes: string[] | undefined): string {
  return (modes ?? []).map((m) => modeNames[m] ?? m).join(",");
}

export const pvcPrinter: KindPrinter = {
  columns: [
    ["Name", "string", 0, "name"],
    ["Status", "string", 0],
    ["Volume", "string", 0],
    ["Capacity", "string", 0],
    ["Access Modes", "string", 0],
    ["StorageClass", "string", 0],
    ["VolumeAttributesClass", "string", 0],
    ["Age", "string", 0],
    ["VolumeMode", "string", 1],
  ],
  cells(object, now) {
    const pvc = loose(object);
    const bound = pvc.status?.phase === "Bound";
    return [
      pvc.metadata.name,
      pvc.status?.phase ?? "Pending",
      pvc.spec?.volumeName ?? "",
      bound ? (pvc.status?.capacity?.storage ?? "") : "",
      bound ? accessModes(pvc.status?.accessModes) : "",
      pvc.spec?.storageClassName ?? "<unset>",
      "<unset>",
      age(object, now),
      pvc.spec?.volumeMode ?? "Filesystem",
    ];
  },
};

export const pvPrinter: KindPrinter = {
  columns: [
    ["Name", "string", 0, "name"],
    ["Capacity", "string", 0],
    ["Access Modes", "string", 0],
    ["Reclaim Policy", "string", 0],
    ["Status", "string", 0],
    ["Claim", "string", 0],
    ["StorageClass", "string", 0],
    ["VolumeAttributesClass", "string", 0],
    ["Reason", "string", 0],
    ["Age", "string", 0],
    ["VolumeMode", "string", 1],
  ],
  cells(object, now) {
    const pv = loose(object);
    const claim: Loose = pv.spec?.claimRef;
    return [
      pv.metadata.name,
      pv.spec?.capacity?.storage ?? "",
      accessModes(pv.spec?.accessModes),
      pv.spec?.persistentVolumeReclaimPolicy ?? "Delete",
      pv.status?.phase ?? "Available",
      claim ? `${claim.namespace}/${claim.name}` : "",
      pv.spec?.storageClassName ?? "",
      "<unset>",
      pv.status?.reason ?? "",
      age(object, now),
      pv.spec?.volumeMode ?? "Filesystem",
    ];
  },
};

export const storageClassPrinter: KindPrinter = {
  columns: [
    ["Name", "string", 0, "name"],
    ["Provisioner", "string", 0],
    ["ReclaimPolicy", "string", 0],
    ["VolumeBindingMode", "string", 0],
    ["AllowVolumeExpansion", "string", 0],
    ["Age", "string", 0],
  ],
  cells(object, now) {
    const sc = loose(object);
    const isDefault = sc.metadata.annotations?.["storageclass.kubernetes.io/is-default-class"] === "true";
    return [
      isDefault ? `${sc.metadata.name} (default)` : sc.metadata.name,
      sc.provisioner ?? "",
      sc.reclaimPolicy ?? "Delete",
      sc.volumeBindingMode ?? "Immediate",
      String(Boolean(sc.allowVolumeExpansion)),
      age(object, now),
    ];
  },
};
