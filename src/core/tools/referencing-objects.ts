import type { Cell } from "../answer.js";
import type { KubeObject } from "../ports.js";
import type { ToolContext, ToolOutput } from "./define-tool.js";
import { templatePodSpec } from "./describe-field-values.js";
import { listAcross } from "./list-across.js";
import type { NamespaceTarget } from "./namespace-scope.js";
import { resolveKind } from "./resolve-kind.js";
import { secretReferences } from "./secret-references.js";

const WORKLOAD_KINDS = ["deployments", "statefulsets", "daemonsets", "cronjobs", "jobs"];

interface Reference {
  kind: "Secret" | "ConfigMap";
  via: string;
  /** The Secret's or ConfigMap's name. */
  name: string;
}

interface SpecWithConfigMaps {
  containers?: ContainerWithConfigMaps[];
  initContainers?: ContainerWithConfigMaps[];
  volumes?: {
    name?: string;
    configMap?: { name?: string };
    projected?: { sources?: { configMap?: { name?: string } }[] };
  }[];
}
interface ContainerWithConfigMaps {
  name?: string;
  env?: { name?: string; valueFrom?: { configMapKeyRef?: { name?: string } } }[];
  envFrom?: { configMapRef?: { name?: string } }[];
}

/**
 * "which pods reference postgres-credentials", "who mounts the catalog-config configmap": no object of the kind
 * asked for bears the name, so the ones meant are those whose pod spec names a Secret or ConfigMap so called (env,
 * envFrom, volumes, imagePullSecrets). Read from the workloads only: a Secret itself is never read. For a workload
 * kind with no match, the other workload kinds are searched too ("which deployments use it": a StatefulSet does).
 * Undefined when nothing in the scope references the name, or the kind runs no pods.
 */
export async function objectsReferencing(
  context: ToolContext,
  name: string,
  kind: string,
  target: NamespaceTarget,
): Promise<ToolOutput | undefined> {
  const kinds =
    kind === "pods"
      ? ["pods"]
      : WORKLOAD_KINDS.includes(kind)
        ? [kind, ...WORKLOAD_KINDS.filter((other) => other !== kind)]
        : [];
  const rows: Cell[][] = [];
  const found: string[] = [];
  const pluralsSeen = new Set<string>();
  const referenced = new Set<string>();
  for (const plural of kinds) {
    if (plural !== kind && rows.length > 0) break;
    const type = await resolveKind(context.cluster, plural).catch(() => undefined);
    if (!type) continue;
    for (const object of await listAcross(context, type, target)) {
      const references = referencesTo(object, name);
      if (references.length === 0) continue;
      for (const reference of references) referenced.add(reference.name);
      const namespace = object.metadata.namespace;
      pluralsSeen.add(plural);
      found.push(`${namespace ? `${namespace}/` : ""}${object.metadata.name}`);
      rows.push([
        namespace ?? null,
        type.kind,
        object.metadata.name,
        references.map((reference) => `${reference.kind} ${reference.name} (${reference.via})`).join(", "),
      ]);
    }
  }
  if (rows.length === 0)
    return kinds.length > 0
      ? ((await ingressesServing(context, name, kind, target)) ??
          unreferencedConfigMap(context, name, kind, target))
      : undefined;
  const what = rows.some((row) => String(row[3]).startsWith("Secret")) ? "Secret" : "ConfigMap";
  const asked = pluralsSeen.has(kind) ? "" : ` (no ${kind} do)`;
  const subject =
    found.length > 3 ? `${found.slice(0, 3).join(", ")} and ${found.length - 3} more` : found.join(", ");
  const targets = [...referenced].join(", ");
  const through = referenced.has(name) ? "" : ` through env ${name}`;
  const headline = `${subject} reference${found.length === 1 ? "s" : ""} ${what} ${targets}${through}${asked}; names only, the ${what} itself is not read.`;
  const headlineZh = `${found.join("、")} ${through ? `的环境变量 ${name} 来自` : "引用了"} ${what} ${targets}（只列名称，不读取其内容）。`;
  return {
    parts: [
      {
        type: "table",
        title: `Objects that reference ${name}`,
        columns: ["NAMESPACE", "KIND", "NAME", "REFERENCES"],
        rows,
        nameColumn: 2,
        unhealthyRows: [],
      },
    ],
    facts: { count: rows.length, selecting: name, referencedBy: found, headline, headline_zh: headlineZh },
    notes: [],
  };
}

/**
 * The places the object's pod spec names a Secret or ConfigMap called `name`, or, for a variable's name
 * (`LEDGER_SIGNING_KEY`), the Secret or ConfigMap that variable comes from.
 */
function referencesTo(object: KubeObject, name: string): Reference[] {
  const variable = `env ${name}`;
  const secrets = secretReferences(object)
    .filter((reference) => reference.name === name || reference.via === variable)
    .map((reference) => ({ kind: "Secret" as const, via: reference.via, name: reference.name }));
  return [...secrets, ...configMapReferences(object, name)];
}

function configMapReferences(object: KubeObject, name: string): Reference[] {
  const spec = templatePodSpec(object) as SpecWithConfigMaps;
  const found: Reference[] = [];
  const add = (referenced: string | undefined, via: string) => {
    if (referenced && (referenced === name || via === `env ${name}`))
      found.push({ kind: "ConfigMap", via, name: referenced });
  };
  for (const container of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    for (const variable of container.env ?? [])
      add(variable.valueFrom?.configMapKeyRef?.name, `env ${variable.name}`);
    for (const source of container.envFrom ?? [])
      add(source.configMapRef?.name, `envFrom in ${container.name}`);
  }
  for (const volume of spec.volumes ?? []) {
    add(volume.configMap?.name, `volume ${volume.name}`);
    for (const source of volume.projected?.sources ?? [])
      add(source.configMap?.name, `volume ${volume.name}`);
  }
  return found;
}

/** "which pods mount shop-tls": no pod does, an Ingress terminates TLS with it (its spec names it; it is not read). */
async function ingressesServing(
  context: ToolContext,
  name: string,
  kind: string,
  target: NamespaceTarget,
): Promise<ToolOutput | undefined> {
  const type = await resolveKind(context.cluster, "ingresses").catch(() => undefined);
  if (!type) return undefined;
  const serving = (await listAcross(context, type, target)).filter((ingress) =>
    ((ingress.spec as { tls?: { secretName?: string }[] } | undefined)?.tls ?? []).some(
      (tls) => tls.secretName === name,
    ),
  );
  if (serving.length === 0) return undefined;
  const ingresses = serving.map((ingress) => `${ingress.metadata.namespace}/${ingress.metadata.name}`);
  return {
    parts: [],
    facts: {
      count: 0,
      selecting: name,
      referencedBy: ingresses,
      headline: `No ${kind} reference Secret ${name}; Ingress ${ingresses.join(", ")} uses it for TLS (names only, the Secret itself is not read).`,
      headline_zh: `没有 ${kind} 引用 Secret ${name}；Ingress ${ingresses.join("、")} 用它做 TLS（只列名称，不读取其内容）。`,
    },
    notes: [],
  };
}

/** A ConfigMap that exists but that nothing in the scope references says so (a Secret's existence is never read). */
async function unreferencedConfigMap(
  context: ToolContext,
  name: string,
  kind: string,
  target: NamespaceTarget,
): Promise<ToolOutput | undefined> {
  const type = await resolveKind(context.cluster, "configmaps");
  const found = (await listAcross(context, type, target)).filter((object) => object.metadata.name === name);
  if (found.length === 0) return undefined;
  const where = found.map((object) => `${object.metadata.namespace}/${name}`).join(", ");
  return {
    parts: [],
    facts: {
      count: 0,
      selecting: name,
      referencedBy: [],
      headline: `No ${kind} reference ConfigMap ${where} (env, envFrom and volumes checked).`,
      headline_zh: `没有 ${kind} 引用 ConfigMap ${where}（已检查 env、envFrom 和卷）。`,
    },
    notes: [],
  };
}
