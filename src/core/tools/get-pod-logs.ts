import { z } from "zod";
import { CodedError } from "../errors.js";
import type { KubeObject } from "../ports.js";
import { defineTool } from "./define-tool.js";
import { getByNameWithHint } from "./found-elsewhere.js";
import { namespaceTarget } from "./namespace-scope.js";
import { podSpec } from "./object-shapes.js";
import { DISCOVERY_RULE, readRule } from "./read-rules.js";
import { resolveKind } from "./resolve-kind.js";
import { sinceSecondsArg } from "./since-seconds.js";

export const DEFAULT_TAIL_LINES = 100;
export const MAX_LOG_BYTES = 256 * 1024;
const DEFAULT_CONTAINER = "kubectl.kubernetes.io/default-container";

/** The log tail of one pod's container, redacted. Facts: { pod, namespace, container, lines, previous, truncated }. */
export const getPodLogs = defineTool({
  name: "get_pod_logs",
  description:
    "The last lines of a pod's container log (kubectl logs); previous=true for the crashed instance.",
  args: z.object({
    name: z.string().min(1).describe("Pod name or unique name prefix"),
    namespace: z.string().min(1).optional().describe("Namespace of the pod"),
    container: z.string().min(1).optional().describe("Container name"),
    tail_lines: z.number().int().min(1).max(5000).optional().describe("How many last lines (default 100)"),
    previous: z.boolean().optional().describe("The crashed instance (--previous)"),
    since_seconds: sinceSecondsArg("Only the last N seconds"),
  }),
  needs: [readRule("", ["pods"]), readRule("", ["pods/log"], ["get"]), DISCOVERY_RULE],
  async run(context, args) {
    const type = await resolveKind(context.cluster, "pods");
    if (args.namespace) namespaceTarget(context, type, { namespace: args.namespace });
    const found = await getByNameWithHint(context, type, args.name, args);
    const namespace = found.object.metadata.namespace ?? args.namespace ?? "";
    const container = chooseContainer(found.object, args.container);
    const read = (tailLines: number) =>
      context.cluster.podLogs({
        name: found.name,
        namespace,
        container: container.name,
        tailLines,
        previous: args.previous,
        sinceSeconds: args.since_seconds,
        limitBytes: MAX_LOG_BYTES + 1,
      });
    const raw = await lastLinesWithin(read, args.tail_lines ?? DEFAULT_TAIL_LINES);
    const truncated = Buffer.byteLength(raw) > MAX_LOG_BYTES;
    // Not redacted here: defineTool redacts every output once, this code part included.
    const text = truncated ? keepTail(raw, MAX_LOG_BYTES) : raw;
    const lines = text === "" ? 0 : text.replace(/\n$/, "").split("\n").length;
    const notes = [...(found.note ? [found.note] : []), ...(container.note ? [container.note] : [])];
    if (truncated) notes.push(`Only the last ${MAX_LOG_BYTES / 1024} KiB of the log are shown`);
    if (lines === 0)
      notes.push(
        `The log of ${found.name}/${container.name} is empty${args.previous ? " for the previous instance" : ""}`,
      );
    return {
      parts: [
        {
          type: "code",
          title: `Logs of ${namespace}/${found.name} (${container.name}${args.previous ? ", previous" : ""})`,
          language: "log",
          code: text,
          truncated,
        },
      ],
      facts: {
        pod: found.name,
        namespace,
        container: container.name,
        lines,
        previous: args.previous ?? false,
        truncated,
      },
      notes,
    };
  },
});

/** The asked container, else the default-container annotation, else the only or first container (with a note). */
function chooseContainer(pod: KubeObject, wanted: string | undefined): { name: string; note?: string } {
  const spec = podSpec(pod);
  const names = [...(spec.containers ?? []), ...(spec.initContainers ?? [])].map(
    (container) => container.name,
  );
  if (wanted) {
    if (names.includes(wanted)) return { name: wanted };
    throw new CodedError(
      "bad_request",
      `Pod ${pod.metadata.name} has no container "${wanted}"; its containers: ${names.join(", ")}`,
    );
  }
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER];
  if (annotated && names.includes(annotated)) return { name: annotated };
  const main = (spec.containers ?? []).map((container) => container.name);
  if (main.length === 0) throw new CodedError("not_found", `Pod ${pod.metadata.name} has no containers`);
  return main.length === 1
    ? { name: main[0] }
    : { name: main[0], note: `${pod.metadata.name} has containers ${main.join(", ")}; showing ${main[0]}` };
}

/**
 * The server cuts at limitBytes from the start of the tail, so a tail over the cap would show its oldest
 * lines: ask again for fewer lines (as many as fitted, less a margin) so the newest are the ones kept.
 */
async function lastLinesWithin(
  read: (tailLines: number) => Promise<string>,
  tailLines: number,
): Promise<string> {
  let lines = tailLines;
  let text = await read(lines);
  for (let attempt = 0; attempt < 3 && Buffer.byteLength(text) > MAX_LOG_BYTES && lines > 1; attempt++) {
    const fitted = text.split("\n").length - 1;
    lines = Math.max(1, Math.min(lines - 1, Math.floor(fitted * 0.9)));
    text = await read(lines);
  }
  return text;
}

/** Cuts at a line boundary so the first line shown is whole. */
function keepTail(text: string, maxBytes: number): string {
  const tail = Buffer.from(text).subarray(-maxBytes).toString("utf8");
  const newline = tail.indexOf("\n");
  return newline >= 0 ? tail.slice(newline + 1) : tail;
}
