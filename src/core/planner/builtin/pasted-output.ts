/**
 * kubectl output pasted under a question ("got this, what does it mean?" and a table or event lines): the output
 * is read for the objects it shows, and the question is planned about them. Its header words (NAME, READY) and
 * its cells are not words of the question.
 */

// A kubectl table header: upper-case column names, NAME among the first two.
const TABLE_HEADER = /^\s*(?:NAMESPACE\s+)?NAME\s+(?:[A-Z][A-Z()-]*(?:\s[A-Z][A-Z()-]*)?\s*)+$/;
// An event line, from `get events` or `describe`: its type first, or its age then its type.
const EVENT_LINE = /^\s*(?:\S+\s+)?(?:Warning|Normal)\s+[A-Z][A-Za-z]+\s/;
// kind/name or kind.group/name, as kubectl prints an object.
const OBJECT_REFERENCE = /\b([a-z]+)(?:\.[a-z0-9.-]+)?\/([a-z0-9][a-z0-9.-]*[a-z0-9])\b/g;
// "Back-off restarting failed container x in pod y": an event message names its pod in words.
const POD_IN_MESSAGE = /\bpod\s+([a-z0-9][a-z0-9.-]*[a-z0-9])\b/g;
// The question asks what the output means: the objects it shows are diagnosed.
const ASKS_MEANING =
  /\bmeans?\b|\bexplain\w*|\bwhy\b|\bwhat(?:'s| is) (?:this|that|going on|wrong)\b|\bhelp\b|意思|什么情况|怎么回事|咋回事|咋办|怎么办|为什么|为啥|啥情况|什么原因|怎么了/i;
const POD_ROW = /^\s*([a-z0-9][a-z0-9.-]*[a-z0-9])\s+\d+\/\d+\s+[A-Za-z][\w:-]*(?:\s+\d+)?/;
const MAX_OBJECTS = 5;

/** The question with its pasted output replaced by the objects the output shows; the text itself when none is pasted. */
export function withPastedOutputRead(text: string): string {
  // "kubectl get pods says `ledger-… 0/1 OOMKilled 7` — explain": output quoted inline is a pasted line.
  const unquoted = text.replace(/`([^`\n]+)`/g, (whole, quoted: string) =>
    POD_ROW.test(quoted) || EVENT_LINE.test(quoted) ? `\n${quoted}\n` : whole,
  );
  const lines = unquoted.split("\n");
  if (lines.length < 2) return text;
  const asked: string[] = [];
  const objects: string[] = [];
  let header: { namespaced: boolean } | undefined;
  for (const line of lines) {
    if (TABLE_HEADER.test(line)) {
      header = { namespaced: /^\s*NAMESPACE\s/.test(line) };
      continue;
    }
    if (EVENT_LINE.test(line)) {
      objects.push(...referencesIn(line));
      header = undefined;
      continue;
    }
    const cells = line.trim().split(/\s{2,}|\t/);
    if (header && cells.length >= 2) {
      objects.push(rowObject(cells, header.namespaced));
      continue;
    }
    // A pod's row without its header: name, READY, STATUS.
    const row = POD_ROW.exec(line);
    if (row) {
      objects.push(row[1]);
      continue;
    }
    header = undefined;
    asked.push(line);
  }
  if (objects.length === 0) return text;
  const unique = [...new Set(objects)].slice(0, MAX_OBJECTS).join(" and ");
  const question = asked.join(" ").trim();
  return question === "" || ASKS_MEANING.test(question)
    ? `why is ${unique} failing`
    : `${question} ${unique}`;
}

function rowObject(cells: string[], namespaced: boolean): string {
  const [first, second] = namespaced ? [cells[1], cells[0]] : [cells[0], undefined];
  const name = first.includes("/") ? first.split("/").slice(-1)[0] : first;
  return second ? `${name} in namespace ${second}` : name;
}

function referencesIn(line: string): string[] {
  return [
    ...[...line.matchAll(OBJECT_REFERENCE)].map((match) => `${match[1]} ${match[2]}`),
    ...[...line.matchAll(POD_IN_MESSAGE)].map((match) => `pod ${match[1]}`),
  ];
}
