import type { ContainerLog, LogLine } from "../sample/sample-context.js";

const startMarker = /^==== START logs for container (\S+) of pod ([^/\s]+)\/(\S+) ====$/;
const endMarker = /^==== END logs for container \S+ of pod \S+ ====$/;
// `kubectl logs --timestamps` style: the time is kept as the line's time.
const leadingTime = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z) (.*)$/;

/** Logs as captured, before the snapshot's time is known: lines without their own time get it later. */
export class CapturedLogs {
  private readonly logs = new Map<string, { current?: string[]; previous?: string[] }>();

  add(namespace: string, pod: string, container: string, text: string, previous = false): void {
    const key = `${namespace}/${pod}/${container}`;
    const entry = this.logs.get(key) ?? {};
    const lines = text.split("\n");
    if (lines.at(-1) === "") lines.pop();
    entry[previous ? "previous" : "current"] = lines;
    this.logs.set(key, entry);
  }

  /** `kubectl cluster-info dump` sections; "Request log error: ..." marks a log kubectl could not read. */
  addDumpSections(text: string): void {
    let open: { container: string; namespace: string; pod: string; lines: string[] } | undefined;
    for (const line of text.split("\n")) {
      const start = startMarker.exec(line);
      if (start) {
        open = { container: start[1], namespace: start[2], pod: start[3], lines: [] };
        continue;
      }
      if (open && endMarker.test(line)) {
        const readFailed = open.lines.length === 1 && open.lines[0].startsWith("Request log error:");
        if (!readFailed) this.add(open.namespace, open.pod, open.container, open.lines.join("\n"));
        open = undefined;
        continue;
      }
      open?.lines.push(line);
    }
  }

  get size(): number {
    return this.logs.size;
  }

  /** The logs the server serves; a line with no time of its own is dated at the snapshot's moment. */
  finish(takenAt: number): Map<string, ContainerLog> {
    const toLines = (lines: string[]): LogLine[] =>
      lines.map((text) => {
        const timed = leadingTime.exec(text);
        return timed ? { at: Date.parse(timed[1]), text: timed[2] } : { at: takenAt, text };
      });
    const served = new Map<string, ContainerLog>();
    for (const [key, entry] of this.logs) {
      served.set(key, {
        current: toLines(entry.current ?? []),
        ...(entry.previous ? { previous: toLines(entry.previous) } : {}),
      });
    }
    return served;
  }
}
