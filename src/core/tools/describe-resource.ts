import type { AnswerPart } from "../answer.js";
import type { KubeObject } from "../ports.js";
import { maskSecretFields } from "../redact.js";
import { defineTool } from "./define-tool.js";
import { keyFacts } from "./describe-facts.js";
import { fieldAnswers, templatePodSpec } from "./describe-field-values.js";
import { describeFieldsArg } from "./describe-fields.js";
import { containersTable } from "./describe-pod.js";
import { findNamedObject, namedObjectArgs, namedObjectFacts } from "./named-object.js";
import { nodeAllocated } from "./node-allocated.js";
import { eventsFor, eventsTable } from "./object-events.js";
import { conditionsOf, podSpec } from "./object-shapes.js";
import { STANDARD_READ_RULES } from "./read-rules.js";
import { secretReferenceLead } from "./secret-reference-lead.js";
import { backendsLine, followBackends } from "./service-backends.js";
import { nowOf } from "./time-format.js";
import { unreadyPodLines } from "./unready-pods.js";

const EVENT_ROWS = 20;
const IDENTITY_LINES = new Set(["Name", "Namespace", "Created", "Labels", "Annotations"]);

/**
 * `kubectl describe`: key facts, conditions, containers (pods), recent events of the object.
 * Facts: { kind, name, namespace?, resolvedFrom? (the prefix asked for), conditionsFalse: string[], warnings (warning events),
 * headline, headline_zh }.
 */
export const describeResource = defineTool({
  name: "describe_resource",
  description: "Describe one object: key facts, conditions, containers and recent events (kubectl describe).",
  args: namedObjectArgs("pods, deployments, nodes").extend({ fields: describeFieldsArg }),
  needs: STANDARD_READ_RULES,
  async run(context, args) {
    const named = await findNamedObject(context, args);
    const { type, found } = named;
    const object = maskSecretFields(found.object);
    const events = await eventsFor(context, object);
    const nowMs = nowOf(context);
    const facts = keyFacts(object);
    const width = Math.max(...facts.map(([label]) => label.length)) + 1;
    const label = `${type.singular} ${object.metadata.name}`;
    // env and volumes are where a pod spec names its Secrets: an answer about them leads with those Secrets.
    const fields = [...new Set(args.fields ?? [])];
    const secretsAsked = fields.includes("env") || fields.includes("volumes");
    const lead = secretsAsked ? await secretReferenceLead(context, object, label) : undefined;
    const hasPodSpec = (templatePodSpec(object).containers ?? []).length > 0;
    const answers: { field: string; en: string; zh: string }[] = [
      ...(lead ? [{ field: "secrets", en: lead.en, zh: lead.zh }] : []),
      ...fieldAnswers(
        object,
        fields.filter((field) => hasPodSpec || (field !== "env" && field !== "volumes")),
        nowMs,
      ),
    ];
    const parts: AnswerPart[] = [
      ...(answers.length > 0
        ? [{ type: "text" as const, title: "Asked for", text: answers.map((answer) => answer.en).join("\n") }]
        : []),
      {
        type: "text",
        title: `${object.kind ?? type.kind} ${object.metadata.namespace ? `${object.metadata.namespace}/` : ""}${object.metadata.name}`,
        text: facts.map(([label, value]) => `${`${label}:`.padEnd(width)} ${value}`).join("\n"),
      },
    ];
    const conditions = conditionsOf(object);
    if (conditions.length > 0) {
      parts.push({
        type: "table",
        title: "Conditions",
        columns: ["TYPE", "STATUS", "REASON", "MESSAGE"],
        rows: conditions.map((condition) => [
          condition.type,
          condition.status,
          condition.reason ?? "",
          condition.message ?? "",
        ]),
      });
    }
    if (object.kind === "Pod") parts.push(containersTable(object));
    const allocated = object.kind === "Node" ? await nodeAllocated(context, object) : undefined;
    if (allocated) parts.push(allocated);
    parts.push(eventsTable("Events", events.slice(0, EVENT_ROWS), nowMs, false));
    // "is shop.example.com routed to anything healthy?": an ingress or service is as good as the pods behind it.
    const behind = await followBackends(context, type.plural, [
      { name: object.metadata.name, namespace: object.metadata.namespace },
    ]);
    parts.push(...behind.parts);
    const backends = backendsLine(
      behind.backends,
      object.kind === "Service" ? object.metadata.name : undefined,
    );
    const unready = await unreadyPodLines(context, object);
    if (unready.length > 0) parts.push({ type: "text", title: "Pods not ready", text: unready.join("\n") });
    // An answer about one field of a failing workload says it is failing and why, in its first line.
    const failing =
      unready.length > 0
        ? { en: ` Not ready: ${unready.join("; ")}.`, zh: `未就绪：${unready.join("；")}。` }
        : undefined;
    const warnings = events.filter((event) => event.type === "Warning").length;
    const node = object.kind === "Pod" ? podSpec(object).nodeName : undefined;
    const problems = object.kind === "Node" ? nodeProblems(object) : [];
    const placed = node
      ? { en: ` (on node ${node})`, zh: `（运行在节点 ${node}）` }
      : problems.length > 0
        ? { en: ` (${problems.join("; ")})`, zh: `（${problems.join("；")}）` }
        : { en: "", zh: "" };
    return {
      parts,
      facts: {
        ...namedObjectFacts(named, object, args.name),
        conditionsFalse: conditions
          .filter((condition) => condition.status === "False")
          .map((condition) => condition.type),
        warnings,
        ...(node ? { node } : {}),
        ...(answers.length > 0 ? { fields: answers.map((answer) => answer.field) } : {}),
        ...(lead ? { secrets: lead.secrets, missingSecrets: lead.missing } : {}),
        // The describe lines past identity, for a summary that leads with the one asked for (summary/described-lead.ts).
        lines: facts.filter(([label]) => !IDENTITY_LINES.has(label)),
        headline:
          answers.length > 0
            ? `${answers.map((answer) => answer.en).join("; ")}.${failing?.en ?? ""}`
            : `Described ${label}${placed.en}${warnings > 0 ? `: ${warnings} warning event${warnings === 1 ? "" : "s"}` : ""}.${keyLines(object, facts)}${backends.en}${failing?.en ?? ""}`,
        headline_zh:
          answers.length > 0
            ? `${answers.map((answer) => answer.zh).join("；")}。${failing?.zh ?? ""}`
            : `已描述 ${label}${placed.zh}${warnings > 0 ? `，有 ${warnings} 条警告事件` : ""}。${keyLines(object, facts)}${backends.zh}${failing?.zh ?? ""}`,
      },
      notes: [
        ...(found.note ? [found.note] : []),
        ...behind.notes,
        ...(events.length > EVENT_ROWS ? [`${events.length - EVENT_ROWS} older events not shown`] : []),
      ],
    };
  },
});

/** What an on-call engineer reads first on a node: NotReady, a pressure condition, its taints. */
function nodeProblems(node: KubeObject): string[] {
  const problems = conditionsOf(node).flatMap((condition) =>
    condition.type === "Ready"
      ? condition.status === "True"
        ? []
        : ["NotReady"]
      : condition.status === "True"
        ? [condition.type]
        : [],
  );
  const taints = ((node.spec as { taints?: { key: string; effect?: string }[] } | undefined)?.taints ?? [])
    .filter((taint) => !taint.key.startsWith("node-role.kubernetes.io/"))
    .map((taint) => `${taint.key}:${taint.effect ?? ""}`);
  return [...problems, ...(taints.length > 0 ? [`taints ${taints.join(", ")}`] : [])];
}

// Pods and nodes lead with where they run or what ails them; their lines are long and belong to the details.
const LONG_KINDS = new Set(["Pod", "Node", "ConfigMap"]);
const KEY_LINES = 6;

/** " Schedule "30 3 * * *"; Last Schedule Time <none>…": the first lines of a short description lead the answer. */
function keyLines(object: KubeObject, facts: [string, string | undefined][]): string {
  if (LONG_KINDS.has(object.kind ?? "")) return "";
  const shown = facts
    .filter(([label, value]) => !IDENTITY_LINES.has(label) && value)
    .slice(0, KEY_LINES)
    .map(([label, value]) => `${label}: ${value}`)
    .join("; ");
  return shown ? ` ${shown.length > 400 ? `${shown.slice(0, 399)}…` : shown}.` : "";
}
