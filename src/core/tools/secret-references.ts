import type { KubeObject } from "../ports.js";
import { templatePodSpec } from "./describe-field-values.js";

/** A Secret a workload's pod spec names, and where: the name only, never anything read from the Secret. */
export interface SecretReference {
  name: string;
  via: string;
}

interface SpecWithSecrets {
  containers?: ContainerWithSecrets[];
  initContainers?: ContainerWithSecrets[];
  volumes?: {
    name?: string;
    secret?: { secretName?: string };
    projected?: { sources?: { secret?: { name?: string } }[] };
  }[];
  imagePullSecrets?: { name?: string }[];
}
interface ContainerWithSecrets {
  name?: string;
  env?: { name?: string; valueFrom?: { secretKeyRef?: { name?: string } } }[];
  envFrom?: { secretRef?: { name?: string } }[];
}

/**
 * "Which Secrets does checkout use?" is answered from the pod spec (kubectl describe's own sources): env
 * `secretKeyRef`, `envFrom` `secretRef`, `secret` and `projected` volumes, `imagePullSecrets`; and from an
 * Ingress's `tls` entries.
 */
export function secretReferences(object: KubeObject): SecretReference[] {
  const spec = templatePodSpec(object) as SpecWithSecrets;
  const found: SecretReference[] = [];
  const add = (name: string | undefined, via: string) => {
    if (name) found.push({ name, via });
  };
  for (const container of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    for (const variable of container.env ?? [])
      add(variable.valueFrom?.secretKeyRef?.name, `env ${variable.name}`);
    for (const source of container.envFrom ?? []) add(source.secretRef?.name, `envFrom in ${container.name}`);
  }
  for (const volume of spec.volumes ?? []) {
    add(volume.secret?.secretName, `volume ${volume.name}`);
    for (const source of volume.projected?.sources ?? []) add(source.secret?.name, `volume ${volume.name}`);
  }
  for (const pull of spec.imagePullSecrets ?? []) add(pull.name, "imagePullSecrets");
  if (object.kind === "Ingress") {
    const tls = ((object.spec ?? {}) as { tls?: { hosts?: string[]; secretName?: string }[] }).tls ?? [];
    for (const entry of tls) add(entry.secretName, `tls ${(entry.hosts ?? []).join(", ") || "default host"}`);
  }
  return found;
}

/** "checkout-db (env DB_PASSWORD), shop-registry (imagePullSecrets)", one entry per Secret. */
export function secretReferencesText(references: SecretReference[]): string {
  const byName = new Map<string, string[]>();
  for (const { name, via } of references) byName.set(name, [...(byName.get(name) ?? []), via]);
  return [...byName].map(([name, vias]) => `${name} (${[...new Set(vias)].join(", ")})`).join(", ");
}
