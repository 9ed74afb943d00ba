import type { Language } from "./question.js";

// CJK ideographs (with extensions), CJK punctuation and full-width forms: any of them means the user wrote Chinese.
const CJK_PATTERN =
  /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]|[\u{20000}-\u{2fa1f}]/u;

/** "zh" when the text holds any CJK character, else "en": mixed questions ("查看pods") count as Chinese. */
export function detectLanguage(text: string): Language {
  return CJK_PATTERN.test(text) ? "zh" : "en";
}
