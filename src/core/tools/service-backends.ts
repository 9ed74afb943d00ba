import type { AnswerPart, Cell } from "../answer.js";
import type { KubeObject } from "../ports.js";
import type { ToolContext } from "./define-tool.js";
import { podSpec, podStatus } from "./object-shapes.js";
import { resolveKind } from "./resolve-kind.js";

// Endpoints bear their Service's name by definition (the endpoints controller writes them), so they follow it.
const FOLLOWED_KINDS = new Set(["services", "ingresses", "endpoints"]);

/** More named objects than this and the list is a list, not a question about what is behind one. */
const MAX_FOLLOWED = 3;

interface ServicePort {
  name?: string;
  port?: number;
  targetPort?: number | string;
  protocol?: string;
}

interface IngressBackend {
  service?: { name?: string; port?: { number?: number; name?: string } };
}

interface IngressSpec {
  defaultBackend?: IngressBackend;
  rules?: { host?: string; http?: { paths?: { path?: string; backend?: IngressBackend }[] } }[];
}

interface Followed {
  parts: AnswerPart[];
  notes: string[];
  /** Each service followed and how many of its selected pods are ready ("frontend 2/2 pods ready"). */
  backends: { service: string; ready: number; pods: number }[];
}

/**
 * What stands behind a named Service or Ingress, linked by selectors and backends (never by name): the ingress's
 * routes to services, each service's pods picked by its selector (ready, IP, node, container ports), and what
 * breaks the chain (a selector matching no pod, pods none of which is ready, a targetPort no container opens).
 */
export async function followBackends(
  context: ToolContext,
  kind: string,
  named: readonly { name: string; namespace?: string }[],
): Promise<Followed> {
  const out: Followed = { parts: [], notes: [], backends: [] };
  if (!FOLLOWED_KINDS.has(kind) || named.length === 0 || named.length > MAX_FOLLOWED) return out;
  for (const { name, namespace } of named) {
    if (!namespace) continue;
    if (kind === "ingresses") await followIngress(context, name, namespace, out);
    else await followService(context, name, namespace, out);
  }
  return out;
}

async function followIngress(context: ToolContext, name: string, namespace: string, out: Followed) {
  const ingress = await read(context, "ingresses", name, namespace);
  if (!ingress) return;
  const spec = (ingress.spec ?? {}) as IngressSpec;
  const routes: Cell[][] = [];
  const services = new Set<string>();
  const add = (host: string, path: string, backend: IngressBackend | undefined) => {
    const service = backend?.service?.name;
    if (!service) return;
    services.add(service);
    routes.push([
      host,
      path,
      service,
      backend?.service?.port?.number ?? backend?.service?.port?.name ?? null,
    ]);
  };
  for (const rule of spec.rules ?? [])
    for (const path of rule.http?.paths ?? []) add(rule.host ?? "*", path.path ?? "/", path.backend);
  add("*", "(default)", spec.defaultBackend);
  out.parts.push({
    type: "table",
    title: `Routes of ingress ${namespace}/${name}`,
    columns: ["HOST", "PATH", "SERVICE", "PORT"],
    rows: routes,
  });
  for (const service of services) await followService(context, service, namespace, out);
}

async function followService(context: ToolContext, name: string, namespace: string, out: Followed) {
  const service = await read(context, "services", name, namespace);
  if (!service) {
    out.notes.push(`Service ${namespace}/${name} does not exist`);
    return;
  }
  const spec = (service.spec ?? {}) as { selector?: Record<string, string>; ports?: ServicePort[] };
  const selector = Object.entries(spec.selector ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .join(",");
  if (!selector) {
    out.notes.push(`Service ${namespace}/${name} has no selector: its endpoints are managed by hand`);
    return;
  }
  const type = await resolveKind(context.cluster, "pods");
  const pods = await context.cluster.list(type, { namespace, labelSelector: selector });
  const ready = pods.filter(isReady);
  out.backends.push({ service: name, ready: ready.length, pods: pods.length });
  out.parts.push({
    type: "table",
    title: `Pods behind service ${namespace}/${name} (selector ${selector})`,
    columns: ["POD", "READY", "STATUS", "IP", "NODE", "PORTS"],
    rows: pods.map((pod) => [
      pod.metadata.name,
      isReady(pod) ? "yes" : "no",
      podStatus(pod).phase ?? null,
      podStatus(pod).podIP ?? null,
      podSpec(pod).nodeName ?? null,
      containerPorts(pod)
        .map((port) => (port.name ? `${port.containerPort}(${port.name})` : String(port.containerPort)))
        .join(",") || null,
    ]),
    nameColumn: 0,
    unhealthyRows: pods.flatMap((pod, index) => (isReady(pod) ? [] : [index])),
  });
  if (pods.length === 0) out.notes.push(`Service ${namespace}/${name}: selector ${selector} matches no pod`);
  else if (ready.length === 0)
    out.notes.push(
      `Service ${namespace}/${name}: none of its ${pods.length} pods is ready, so it has no endpoints`,
    );
  for (const port of spec.ports ?? []) {
    const mismatch = targetPortMismatch(port, pods);
    if (mismatch) out.notes.push(`Service ${namespace}/${name}: ${mismatch}`);
  }
}

/** A targetPort (number or name) that no container of the selected pods declares. */
export function targetPortMismatch(port: ServicePort, pods: readonly KubeObject[]): string | undefined {
  if (pods.length === 0) return undefined;
  const target = port.targetPort ?? port.port;
  const declared = pods.flatMap(containerPorts);
  if (declared.length === 0) return undefined;
  const matches =
    typeof target === "string" && !/^\d+$/.test(target)
      ? declared.some((candidate) => candidate.name === target)
      : declared.some((candidate) => candidate.containerPort === Number(target));
  if (matches) return undefined;
  const open = [...new Set(declared.map((candidate) => candidate.name ?? String(candidate.containerPort)))];
  return `port ${port.port} targets ${target}, which no container of its pods declares (they declare ${open.join(", ")})`;
}

function containerPorts(pod: KubeObject): { name?: string; containerPort: number }[] {
  const containers = (
    podSpec(pod) as { containers?: { ports?: { name?: string; containerPort: number }[] }[] }
  ).containers;
  return (containers ?? []).flatMap((container) => container.ports ?? []);
}

function isReady(pod: KubeObject): boolean {
  const conditions = (podStatus(pod) as { conditions?: { type: string; status: string }[] }).conditions ?? [];
  return conditions.some((condition) => condition.type === "Ready" && condition.status === "True");
}

async function read(
  context: ToolContext,
  kind: string,
  name: string,
  namespace: string,
): Promise<KubeObject | undefined> {
  const type = await resolveKind(context.cluster, kind);
  return context.cluster.get(type, name, namespace).catch(() => undefined);
}

/** " Behind it: service frontend, 2/2 pods ready." for a headline; empty when nothing was followed. */
export function backendsLine(backends: Followed["backends"], service?: string): { en: string; zh: string } {
  if (backends.length === 0) return { en: "", zh: "" };
  // A service described: its own pods, no need to name it again.
  const [own] = backends;
  if (backends.length === 1 && own.service === service)
    return {
      en: ` ${own.ready}/${own.pods} pods behind it ready.`,
      zh: `后端 ${own.ready}/${own.pods} 个 pod 就绪。`,
    };
  const en = backends.map(
    (backend) => `service ${backend.service}, ${backend.ready}/${backend.pods} pods ready`,
  );
  const zh = backends.map(
    (backend) => `服务 ${backend.service}，${backend.ready}/${backend.pods} 个 pod 就绪`,
  );
  return { en: ` Behind it: ${en.join("; ")}.`, zh: `后端：${zh.join("；")}。` };
}
