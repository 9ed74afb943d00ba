/**
 * The shapes of a question that leans on an earlier answer: pronouns and elliptical forms, in English and
 * Chinese. They name no object: the object, namespace and kind come from the conversation.
 */

/** "and in payments?", "what about payments", 那payments呢, 那在payments里呢: the same question elsewhere. */
export const OTHER_NAMESPACE = [
  /^(?:and|what about|how about)\s+(?:in\s+)?(?:the\s+)?(?:namespace\s+)?([a-z0-9][a-z0-9-]{0,62})(?:\s+namespace)?\s*[?？.!]*$/i,
  /^(?:那么?|那)?\s*(?:在)?\s*(?:命名空间\s*)?([a-z0-9][a-z0-9-]{0,62})\s*(?:命名空间)?\s*(?:里|中|下)?\s*(?:的)?\s*呢\s*[?？]*$/i,
];

/** "what about the other pod", 另一个pod呢: the same question about another object of the same kind. */
export const OTHER_OBJECT = [/\b(?:the\s+)?other\s+(?:one|[a-z]+)\b/i, /另一个|另外那个|另外一个/];

/** A bare "why?", 为什么, 为啥, 怎么回事: why the object (or namespace) of the last answer is unhealthy. */
export const BARE_WHY = [
  /^(?:but\s+)?(?:why|how come|why is that|why so|what happened)\s*[?？.!]*$/i,
  /^(?:那)?(?:为什么|为啥|怎么回事|怎么了)\s*(?:呢|啊)?\s*[?？]*$/,
];

/** "the previous container", 上一个容器: the logs of the previous container of the pod in question. */
export const PREVIOUS_CONTAINER = [
  /\b(?:the\s+)?(?:previous|last|prior)\s+(?:container|instance|run|restart)\b/i,
  /(?:上一个|之前的?|前一个)\s*容器/,
];

/** Pronouns standing for the object of the last answer: "its logs", "describe it", 它的日志. */
export const PRONOUN_EN = /\b(its|it|this one|that one|this pod|that pod|the pod|them|their)\b/i;
export const PRONOUN_ZH = /(它的|它|这个pod|那个pod|该pod|这个Pod|那个Pod)/;
