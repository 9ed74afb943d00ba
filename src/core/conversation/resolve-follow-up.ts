import type { ObjectRef } from "../answer.js";
import type { Language, Scope } from "../question.js";
import type { ConversationTurn } from "./conversation-turn.js";
import {
  BARE_WHY,
  OTHER_NAMESPACE,
  OTHER_OBJECT,
  PREVIOUS_CONTAINER,
  PRONOUN_EN,
  PRONOUN_ZH,
} from "./follow-up-forms.js";

/** A follow-up rewritten as a full question, and the note that tells the user what was assumed. */
export interface ResolvedFollowUp {
  text: string;
  note: string;
}

const matchesAny = (patterns: RegExp[], text: string) => patterns.some((pattern) => pattern.test(text));

function isChinese(text: string): boolean {
  return /[\u4e00-\u9fff]/.test(text);
}

/** Turns a follow-up may read: the same cluster, and namespaces the caller may see (a context never widens scope). */
export function usableTurns(turns: ConversationTurn[], scope: Scope): ConversationTurn[] {
  const allowed = scope.namespaces;
  return turns.filter(
    (turn) =>
      turn.cluster === scope.cluster && (!allowed || !turn.namespace || allowed.includes(turn.namespace)),
  );
}

function where(ref: ObjectRef, zh: boolean): string {
  if (!ref.namespace) return "";
  return zh ? `命名空间${ref.namespace}中` : ` in namespace ${ref.namespace}`;
}

function objectWords(ref: ObjectRef): string {
  return `${ref.kind} ${ref.name}`;
}

/** The object a pronoun means: the last answer's object, else the first (unhealthy first) object it showed. */
function referent(turn: ConversationTurn): ObjectRef | undefined {
  return turn.focus ?? turn.objects[0];
}

function withNamespace(text: string, ref: ObjectRef, zh: boolean): string {
  if (!ref.namespace || new RegExp(`\\b${ref.namespace}\\b`).test(text)) return text;
  return zh ? `${where(ref, true)}${text}` : `${text}${where(ref, false)}`;
}

function replacePronoun(text: string, ref: ObjectRef): string | undefined {
  const zh = PRONOUN_ZH.exec(text);
  if (zh)
    return withNamespace(
      text.replace(PRONOUN_ZH, objectWords(ref) + (zh[1].endsWith("的") ? "的" : "")),
      ref,
      true,
    );
  const en = PRONOUN_EN.exec(text);
  if (!en) return undefined;
  const word = en[1].toLowerCase();
  if (word === "its" || word === "their") {
    // "show me its logs" → "show me logs of pod X": the possessive moves after the noun it qualifies.
    const possessive = new RegExp(`\\b${en[1]}\\s+([\\p{L}\\d-]+)`, "iu");
    if (possessive.test(text))
      return withNamespace(text.replace(possessive, `$1 of ${objectWords(ref)}`), ref, false);
  }
  return withNamespace(text.replace(PRONOUN_EN, objectWords(ref)), ref, false);
}

function rewrite(text: string, turn: ConversationTurn): string | undefined {
  const zh = isChinese(text);
  const ref = referent(turn);
  for (const pattern of OTHER_NAMESPACE) {
    const match = pattern.exec(text);
    if (!match) continue;
    const namespace = match[1];
    if (turn.namespace && new RegExp(`\\b${turn.namespace}\\b`).test(turn.question))
      return turn.question.replace(new RegExp(`\\b${turn.namespace}\\b`, "g"), namespace);
    return isChinese(turn.question)
      ? `命名空间${namespace}中${turn.question}`
      : `${turn.question} in namespace ${namespace}`;
  }
  if (matchesAny(OTHER_OBJECT, text) && turn.focus) {
    const focus = turn.focus;
    const other = turn.objects.find((object) => object.kind === focus.kind && object.name !== focus.name);
    if (!other) return undefined;
    return turn.question.includes(focus.name)
      ? turn.question.split(focus.name).join(other.name)
      : zh
        ? `${where(other, true)}${objectWords(other)}的详情`
        : `describe ${objectWords(other)}${where(other, false)}`;
  }
  if (matchesAny(OTHER_OBJECT, text) && !turn.focus && ref) {
    return zh
      ? `${where(ref, true)}${objectWords(ref)}的详情`
      : `describe ${objectWords(ref)}${where(ref, false)}`;
  }
  if (matchesAny(BARE_WHY, text)) {
    if (ref)
      return zh
        ? `为什么${where(ref, true)}的${objectWords(ref)}有问题`
        : `why is ${objectWords(ref)}${where(ref, false)} unhealthy`;
    if (turn.namespace)
      return zh ? `命名空间${turn.namespace}中有什么问题` : `what is wrong in namespace ${turn.namespace}`;
    return undefined;
  }
  if (matchesAny(PREVIOUS_CONTAINER, text) && ref && !PRONOUN_EN.test(text) && !PRONOUN_ZH.test(text)) {
    const pod = ref.kind === "pod" ? ref : undefined;
    if (!pod) return undefined;
    return zh
      ? `${where(pod, true)}pod ${pod.name}上一个容器的日志`
      : `logs of the previous container of pod ${pod.name}${where(pod, false)}`;
  }
  return ref ? replacePronoun(text, ref) : undefined;
}

function note(text: string, language: Language): string {
  return language === "zh"
    ? `按上文理解为：“${text}”`
    : `Read as a follow-up: “${text}” (from earlier in this conversation)`;
}

/**
 * A question that leans on earlier answers, rewritten as the full question the planner understands; undefined
 * when it stands on its own or nothing earlier fills its gap.
 */
export function resolveFollowUp(text: string, turns: ConversationTurn[]): ResolvedFollowUp | undefined {
  const trimmed = text.trim();
  for (const turn of [...turns].reverse()) {
    const rewritten = rewrite(trimmed, turn);
    if (rewritten && rewritten !== trimmed)
      return { text: rewritten, note: note(rewritten, isChinese(trimmed) ? "zh" : "en") };
    // Only the latest turn that could answer is read: an older one would surprise more than help.
    if (referent(turn) || turn.namespace) return undefined;
  }
  return undefined;
}
