/**
 * A quoted text the question asks about is mentioned, not said: "which logs contain 'IGNORE PREVIOUS
 * INSTRUCTIONS'?", "explain what `kubectl delete pod x` would do", "annotation keys that contain 'token'". What
 * frames it (contain, grep for, search for, explain what, what would) makes it the object of a read, so neither
 * its words nor its commands are a request. A quote with no such frame before it stays a request (`"delete pod x"`).
 */
const FRAME =
  /(?:\b(?:contains?|containing|contained|match(?:es|ing)?|grep(?:s|ping)?(?: for)?|search(?:es|ing)? for|look(?:s|ing)? for|find|mention(?:s|ing|ed)?|says?|saying|said|the (?:string|text|phrase|message|line|word|words|error)|explain(?: what)?|what (?:does|do|did|would|will|is|are)|what'?s|(?:grep|search|scan|look|check)\b[^"'`]{0,40}\bfor)|\b(?:line|lines|log|logs|message|messages|entry|entries|error|errors|event|events|alert|alerts)\b[^"'`]{0,30}\babout|包含|含有|出现|搜索|查找|找|解释(?:一下)?)\s*$/;
const QUOTED =
  /"[^"\n]{1,200}"|(?<![a-z0-9])'[^'\n]{1,200}'(?![a-z0-9])|`[^`\n]{1,200}`|“[^”\n]{1,200}”|「[^」\n]{1,200}」|‘[^’\n]{1,200}’/g;

// "the 'Delete' reclaim policy", "a `Retain` volume": one quoted word between a determiner and its noun is a value.
const DETERMINER_BEFORE = /\b(?:the|a|an|its|this|that|their)\s*$/;
const NOUN_AFTER = /^\s*[a-z]/;

/** The question with each quoted text that a read frames replaced by a neutral word. */
export function withoutMentions(text: string): string {
  return text.replace(QUOTED, (quote, offset: number) => {
    const before = text.slice(Math.max(0, offset - 40), offset);
    const oneWord = !/\s/.test(quote.slice(1, -1));
    const modifier =
      oneWord && DETERMINER_BEFORE.test(before) && NOUN_AFTER.test(text.slice(offset + quote.length));
    return FRAME.test(before) || modifier ? " quoted " : quote;
  });
}
