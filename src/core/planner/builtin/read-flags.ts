import { parseDuration } from "./durations.js";
import { EVERY_NAMESPACE, type Reading, use } from "./reading.js";

// Flags that change nothing a read-only tool takes (output shape, watching, kubeconfig plumbing).
const IGNORED_FLAGS = new Set([
  "w",
  "watch",
  "show-labels",
  "f",
  "follow",
  "timestamps",
  "no-headers",
  "h",
  "help",
  "containers",
  "context",
  "cluster",
  "kubeconfig",
  "all-containers",
  "limit-bytes",
  "max-log-requests",
  "ignore-errors",
  "v",
  "use-protocol-buffers",
  "show-kind",
  "L",
  "label-columns",
  "sort-by-time",
  "chunk-size",
]);

/** kubectl flags wherever they appear: -n, -A, -l, --field-selector, -c, --tail, -p, --since, -o, --sort-by. */
export function readFlags(reading: Reading): void {
  const { parsed } = reading;
  reading.tokens.forEach((token, index) => {
    if (token.type !== "flag" || !token.flag) return;
    const { name, value } = token.flag;
    use(reading, index);
    switch (name) {
      case "n":
      case "namespace":
        if (!value) return;
        parsed.namespace = value;
        parsed.namespaceMentions.push({ at: index, values: [value] });
        return;
      case "A":
      case "all-namespaces":
        parsed.allNamespaces = true;
        parsed.namespaceMentions.push({ at: index, values: [EVERY_NAMESPACE] });
        return;
      case "l":
      case "selector":
        if (!value) return;
        parsed.labelSelectors.push(value);
        parsed.selectorMentions.push({ at: index, values: [value] });
        return;
      case "field-selector":
        if (value) readFieldSelector(reading, value);
        return;
      case "c":
      case "container":
        if (value) parsed.container = value;
        return;
      case "tail": {
        const lines = Number(value);
        if (Number.isInteger(lines) && lines > 0) parsed.tailLines = lines;
        return;
      }
      case "p":
      case "previous":
        parsed.previous = true;
        return;
      case "since": {
        const seconds = value ? parseDuration(value) : undefined;
        if (seconds) parsed.sinceSeconds = seconds;
        return;
      }
      case "o":
      case "output":
        parsed.outputFormat = value?.toLowerCase();
        return;
      case "sort-by":
        if (value && /cpu/i.test(value)) parsed.sortBy = "cpu";
        else if (value && /mem/i.test(value)) parsed.sortBy = "memory";
        return;
      case "type":
        if (value && /^warn/i.test(value)) parsed.eventType = "Warning";
        else if (value && /^normal/i.test(value)) parsed.eventType = "Normal";
        return;
      default:
        if (!IGNORED_FLAGS.has(name)) parsed.unexplained.push(token.text);
    }
  });
}

/** `--field-selector type=Warning,status.phase=Pending`: event types and node names have their own arguments. */
export function readFieldSelector(reading: Reading, selector: string): void {
  const { parsed } = reading;
  for (const part of selector.split(",")) {
    const match = /^([A-Za-z.]+)\s*(!=|==|=)\s*(.*)$/.exec(part.trim());
    if (!match) continue;
    const [, key, operator, value] = match;
    if (key === "type" && operator !== "!=") {
      parsed.eventType = /^warn/i.test(value) ? "Warning" : "Normal";
    } else if (key === "spec.nodeName" && operator !== "!=") {
      parsed.nodeName = value;
    } else if (/^involvedobject\.name$/i.test(key) && operator !== "!=") {
      parsed.names.push({ name: value, at: -1 });
    } else if (/^involvedobject\.kind$/i.test(key) && operator !== "!=") {
      parsed.involvedKind = value.toLowerCase();
    } else if (key === "status.phase") {
      parsed.phases.push(`status.phase${operator === "==" ? "=" : operator}${value}`);
    } else {
      parsed.fieldSelectors.push(`${key}${operator === "==" ? "=" : operator}${value}`);
    }
  }
}
