import { z } from "zod";
import { isNotFound } from "../errors.js";
import type { KubeObject, ResourceType } from "../ports.js";
import type { ToolContext } from "./define-tool.js";
import { getByNameWithHint } from "./found-elsewhere.js";
import { listAcross } from "./list-across.js";
import { namespaceTarget } from "./namespace-scope.js";
import { resolveKind } from "./resolve-kind.js";
import type { FoundObject } from "./resolve-name.js";

/** The arguments of a tool about one object; `kindExamples` ("pods, deployments, nodes") is what the LLM reads. */
export function namedObjectArgs(kindExamples: string) {
  return z.object({
    kind: z.string().min(1).describe(`Canonical plural kind: ${kindExamples}, ...`),
    name: z.string().min(1).describe("Object name or unique name prefix"),
    namespace: z.string().min(1).optional().describe("Namespace of the object"),
  });
}

export type NamedObjectArgs = z.infer<ReturnType<typeof namedObjectArgs>>;

export interface NamedObject {
  type: ResourceType;
  found: FoundObject;
}

/** The kind resolved, the namespace defaulted and checked against the scope, the object found by name or unique prefix. */
export async function findNamedObject(context: ToolContext, args: NamedObjectArgs): Promise<NamedObject> {
  const type = await resolveKind(context.cluster, args.kind);
  if (args.namespace && type.namespaced) namespaceTarget(context, type, { namespace: args.namespace });
  const byHost = type.plural === "ingresses" ? await ingressServing(context, type, args) : undefined;
  if (byHost) return { type, found: byHost };
  try {
    return { type, found: await getByNameWithHint(context, type, args.name, args) };
  } catch (error) {
    const only = isNotFound(error) ? await onlyOneInNamespaceNamed(context, type, args) : undefined;
    if (!only) throw error;
    return { type, found: only };
  }
}

/**
 * "does the shop ingress have TLS": a namespace's name where no object of the kind has it means the one object of
 * that kind the namespace holds.
 */
async function onlyOneInNamespaceNamed(
  context: ToolContext,
  type: ResourceType,
  args: NamedObjectArgs,
): Promise<FoundObject | undefined> {
  if (!type.namespaced || (args.namespace && args.namespace !== args.name)) return undefined;
  if (context.scope.namespaces && !context.scope.namespaces.includes(args.name)) return undefined;
  const objects = await context.cluster.list(type, { namespace: args.name }).catch(() => []);
  if (objects.length !== 1) return undefined;
  const [object] = objects;
  return {
    object,
    name: object.metadata.name,
    note: `${object.metadata.name} is the only ${type.singular} in namespace ${args.name}`,
  };
}

/**
 * "whats behind shop.example.com": no Kubernetes name holds a dot-separated host with a rule, so an ingress asked for
 * by a host is the one whose rules (or TLS entries) serve it.
 */
async function ingressServing(
  context: ToolContext,
  type: ResourceType,
  args: NamedObjectArgs,
): Promise<FoundObject | undefined> {
  if (!/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(args.name)) return undefined;
  const target = namespaceTarget(context, type, {
    namespace: args.namespace,
    all_namespaces: !args.namespace,
  });
  const ingresses = await listAcross(context, type, target);
  const serving = ingresses.find((ingress) => {
    const spec = (ingress.spec ?? {}) as { rules?: { host?: string }[]; tls?: { hosts?: string[] }[] };
    const hosts = [
      ...(spec.rules ?? []).map((rule) => rule.host),
      ...(spec.tls ?? []).flatMap((tls) => tls.hosts ?? []),
    ];
    return ingress.metadata.name !== args.name && hosts.includes(args.name);
  });
  if (!serving) return undefined;
  const where = serving.metadata.namespace ? ` in ${serving.metadata.namespace}` : "";
  return {
    object: serving,
    name: serving.metadata.name,
    note: `Ingress ${serving.metadata.name}${where} serves host ${args.name}`,
  };
}

/** Which object a one-object tool read: { kind, name, namespace?, resolvedFrom? (the prefix asked for) }. */
export function namedObjectFacts(
  { type, found }: NamedObject,
  object: KubeObject,
  askedName: string,
): Record<string, unknown> {
  return {
    kind: type.plural,
    name: object.metadata.name,
    ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
    ...(found.note ? { resolvedFrom: askedName } : {}),
  };
}
