/**
 * Follow-on questions ("what should I check next for X", "how do I fix X", X下一步怎么排查) ask what to do about
 * an object: the diagnosis answers them, each finding ending with the kubectl command to run next (suggested, never run).
 */
export const ENGLISH_ADVICE =
  "fix|fix it|what should i check next|what should i look at next|fix this|how do i fix|how to fix|how can i fix|how should i fix|recommend|what do you recommend|what would you recommend|next step|next steps|what next|what now|now what|what should i check|what should i do|what do i do|what can i do|what to do|what to check|check first|check next|look at next|resolve|remediate|remediation|mitigate|mitigation|get it working|get it running|unstick|unblock|safe to rerun|safe to retry|rerun|retry|advice|advise|suggest|suggestion|suggestions";

export const CHINESE_ADVICE =
  "怎么办|该怎么办|咋办|怎么修|怎么修复|如何修复|修复|怎么解决|如何解决|解决办法|解决方法|下一步|接下来|建议|怎么处理|如何处理|该查什么|先查什么|查什么|怎么弄|能重跑吗|重跑|重试";

const ADVICE = new RegExp(
  `(?:^|[^a-z])(?:${ENGLISH_ADVICE.replace(/ /g, "\\s+")})(?![a-z])|${CHINESE_ADVICE}`,
);

/** Whether a question asks what to do next (read by the offline summary: the suggested command leads). */
export function asksForAdvice(text: string): boolean {
  return ADVICE.test(text.toLowerCase());
}
