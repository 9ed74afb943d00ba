// A line set off in the question: `...`, "...", “...”, 「...」.
const QUOTED = /`([^`\n]+)`|"([^"\n]+)"|“([^”\n]+)”|「([^」\n]+)」/g;
const COMMAND = /^\s*(?:kubectl|k|oc|helm|kubecolor)\s/;

// "TypeError: … - which service logs this?", "… <- whose log is this", "日志里有 …，是哪个服务": a line pasted bare,
// followed by the question of where it came from.
const WHOSE_LINE =
  /\b(?:which|what) (?:service|pod|app|application|workload|container|deployment)s? (?:logs?|logged|is logging|prints?|printed|emits?|throws?|says?|said|writes?|wrote) (?:this|that|it)\b|\bwhose logs? (?:is|are|has) (?:this|that|it)\b|\bwho(?:'s| is)? logging (?:this|that)\b|\bwhere (?:does|did|is) (?:this|that)(?: line)? (?:come|coming) from\b|[,，]?\s*(?:是|来自)?哪[个個](?:服务|服務|应用|應用|pod|容器|工作负载)/i;
const LINE_LEAD =
  /^\s*(?:日志里有|日志里出现|日志出现|日志中出现|日誌裡有|日誌出現|看到|日志报|日志说|seeing|saw|got|the logs? (?:says?|shows?)|logs? (?:says?|shows?)|this line:?)\s*/i;
const LINE_END = /[\s\-–—<>|,，:：;；?？。.]+$/;

/** The quoted lines of a question that hold at least two words and are no command: what someone saw in a log. */
export function quotedLines(text: string): string[] {
  const quoted = [...text.matchAll(QUOTED)]
    .map((match) => match.slice(1).find((group) => group !== undefined) ?? "")
    .filter((quote) => /\S\s+\S/.test(quote.trim()) && !COMMAND.test(quote));
  if (quoted.length > 0) return quoted;
  const pasted = pastedLine(text);
  return pasted ? [pasted] : [];
}

function pastedLine(text: string): string | undefined {
  const ask = WHOSE_LINE.exec(text);
  if (!ask) return undefined;
  const line = text.slice(0, ask.index).replace(LINE_END, "").replace(LINE_LEAD, "").trim();
  return /\S\s+\S/.test(line) && !COMMAND.test(line) ? line : undefined;
}
