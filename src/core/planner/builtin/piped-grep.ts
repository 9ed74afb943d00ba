const PHASES = ["Pending", "Running", "Succeeded", "Failed", "Unknown"];

import type { ClusterNames } from "../../ports.js";

const GREP = /\|\s*grep\s+((?:-[a-zA-Z]+\s+)*)["']?([A-Za-z0-9][A-Za-z0-9.-]*)["']?\s*$/;
// `| wc -l`, `| head -20`, `| sort`, `| less`: what the shell does with the rows; the rows' list says as much.
const AFTER_GREP =
  /(?:\|\s*(?:wc(?:\s+-[lw])?|head(?:\s+-n?\s*\d+)?|tail(?:\s+-n?\s*\d+)?|sort(?:\s+-\S+)*|less|more|uniq(?:\s+-c)?)\s*)+$/;

/**
 * `kubectl get po -A | grep -v Running`: a pipe kubectl would never see. A grep for a pod phase is that phase's
 * field selector (`-v` negates it), for a node's name (`-o wide | grep demo-worker-2`) the node's; any other grep
 * is dropped, so its word is not read as a name. What follows the grep (`| wc -l`) goes with it.
 */
export function withoutPipedGrep(text: string, names?: ClusterNames): string {
  const piped = text.replace(AFTER_GREP, "").trimEnd();
  const match = GREP.exec(piped);
  if (!match) return text;
  const [, flags, word] = match;
  const head = piped.slice(0, match.index).trimEnd();
  if (names?.nodes.has(word.toLowerCase()) && !/v/.test(flags))
    return `${head} --field-selector spec.nodeName=${word.toLowerCase()}`;
  const phase = PHASES.find((candidate) => candidate.toLowerCase() === word.toLowerCase());
  if (!phase) return head;
  const operator = /v/.test(flags) ? "!=" : "=";
  return `${head} --field-selector status.phase${operator}${phase}`;
}
