// "is the data namespace ok? backups worry me", 集群整体健康吗？刚被告警叫醒: a sentence that only says how the asker
// feels or how they got here is no part of the question.
const SENTENCE = /[^.!?。！？\n]+[.!?。！？\n]*/g;
const ASIDE =
  /\b(?:worr(?:y|ies|ied|ying)|scar(?:y|es|ed)|concern(?:s|ed|ing)|nervous|panick?(?:ing|ed)?|woken|woke (?:me |us )?up|(?:got|just|been|was) paged|paged (?:me|us)|sorry|thanks|thank you|ugh|help me out)\b|叫醒|吵醒|被叫起来|担心|好慌|慌了|谢谢|辛苦/;
// A sentence that asks or requests something is kept, whatever feelings it carries.
const ASKS =
  /[?？]|\b(?:why|what|which|who|when|where|how|is|are|does|do|did|can|could|show|list|get|describe|check|tell)\b|吗|呢|什么|哪|为什么|怎么|多少|几|看看|查/;

/** The question without its asides; unchanged when every sentence asks or none does. */
export function withoutAsides(text: string): string {
  const sentences = text.match(SENTENCE) ?? [];
  if (sentences.length < 2) return text;
  const aside = (sentence: string) =>
    ASIDE.test(sentence.toLowerCase()) && !ASKS.test(sentence.toLowerCase());
  const kept = sentences.filter((sentence) => !aside(sentence));
  return kept.length === 0 || kept.length === sentences.length ? text : kept.join(" ").trim();
}
