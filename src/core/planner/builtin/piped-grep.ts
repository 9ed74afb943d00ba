const PHASES = ["Pending", "Running", "Succeeded", "Failed", "Unknown"];
const GREP = /\|\s*grep\s+((?:-[a-zA-Z]+\s+)*)["']?([A-Za-z]+)["']?\s*$/;

/**
 * `kubectl get po -A | grep -v Running`: a pipe kubectl would never see. A grep for a pod phase is that phase's
 * field selector (`-v` negates it); any other grep is dropped, so its word is not read as a name.
 */
export function withoutPipedGrep(text: string): string {
  const match = GREP.exec(text);
  if (!match) return text;
  const [, flags, word] = match;
  const head = text.slice(0, match.index).trimEnd();
  const phase = PHASES.find((candidate) => candidate.toLowerCase() === word.toLowerCase());
  if (!phase) return head;
  const operator = /v/.test(flags) ? "!=" : "=";
  return `${head} --field-selector status.phase${operator}${phase}`;
}
