import type { KubeObject } from "../ports.js";
import type { ToolContext } from "./define-tool.js";
import { eventsResource } from "./object-events.js";
import type { EventObject } from "./object-shapes.js";
import { secretReferences, secretReferencesText } from "./secret-references.js";

/** The first line of an answer about the Secrets an object references, in both languages. */
export interface SecretReferenceLead {
  en: string;
  zh: string;
  secrets: string[];
  missing: string[];
}

// kubelet's words for a referenced Secret it cannot find (events and container waiting messages).
const NOT_FOUND = /secrets? "([^"]+)" not found/g;

/**
 * Which Secrets the object references and who references them, and which of them the cluster says are missing.
 * Existence is judged only from what is readable without reading a Secret: Warning events in the object's
 * namespace and container statuses (`CreateContainerConfigError: secret "x" not found`), never a Secret GET.
 */
export async function secretReferenceLead(
  context: ToolContext,
  object: KubeObject,
  label: string,
): Promise<SecretReferenceLead> {
  const references = secretReferences(object);
  const names = [...new Set(references.map((reference) => reference.name))];
  if (names.length === 0)
    return {
      en: `${label} references no Secrets`,
      zh: `${label} 没有引用任何 Secret`,
      secrets: [],
      missing: [],
    };
  const reported = await namesReportedMissing(context, object);
  const missing = names.filter((name) => reported.has(name));
  const list = secretReferencesText(references);
  const en = `${list}: the ${names.length === 1 ? "Secret" : `${names.length} Secrets`} referenced by ${label}`;
  const zh = `${list}：${label} 引用的 ${names.length} 个 Secret`;
  // Presence is never claimed: K8Helper reads no Secret, only what kubelet says when one is missing.
  const absentEn =
    missing.length > 0
      ? `; reported missing: ${missing.join(", ")} (secret "…" not found)`
      : "; none reported missing by events or container status (Secrets themselves are not read)";
  const absentZh =
    missing.length > 0
      ? `；集群报告不存在：${missing.join("、")}`
      : "；事件和容器状态中没有报告缺失（不读取 Secret 本身）";
  return { en: `${en}${absentEn}`, zh: `${zh}${absentZh}`, secrets: names, missing };
}

async function namesReportedMissing(context: ToolContext, object: KubeObject): Promise<Set<string>> {
  const messages: string[] = containerMessages(object);
  if (object.metadata.namespace) {
    const events = (await context.cluster.list(await eventsResource(context), {
      namespace: object.metadata.namespace,
      fieldSelector: "type=Warning",
    })) as EventObject[];
    messages.push(...events.map((event) => event.message ?? ""));
  }
  const names = new Set<string>();
  for (const message of messages) for (const match of message.matchAll(NOT_FOUND)) names.add(match[1]);
  return names;
}

function containerMessages(object: KubeObject): string[] {
  if (object.kind !== "Pod") return [];
  const statuses =
    (object.status as { containerStatuses?: { state?: { waiting?: { message?: string } } }[] } | undefined)
      ?.containerStatuses ?? [];
  return statuses.map((status) => status.state?.waiting?.message ?? "");
}
