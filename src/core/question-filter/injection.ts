/**
 * Attempts to lift K8Helper's own rules. The rules in question must be K8Helper's (your rules, previous
 * instructions, the read-only restriction), so "traffic bypasses the network policy" and "the scheduler skips
 * the node affinity rules" are questions about the cluster, not injections.
 */
const LIFT =
  "ignore|disregard|forget|skip|bypass|override|overrule|drop|circumvent|turn off|switch off|disable";
const DETERMINER =
  "your|the|all|any|these|those|previous|prior|earlier|above|its|k8helper's|k8helpers|system|my";
const RULES =
  "instructions?|rules?|prompts?|guidelines?|restrictions?|polic(?:y|ies)|guardrails?|constraints?|directives?|limitations?|safety|read-only|system (?:message|prompt)";

const INJECTION = [
  // "ignore all previous instructions", "disregard your rules", "forget the read-only restriction".
  new RegExp(`\\b(?:${LIFT})\\b(?:\\s+(?:${DETERMINER}))*\\s+(?:${RULES})\\b`),
  /\b(you are now|act as|pretend (to be|you are|that)|role-?play|jailbreak|developer mode|dan mode|do anything now|no restrictions|without (any )?restrictions|unrestricted|sudo mode|admin mode|god mode|system prompt|new instructions|reveal your)\b/,
  /\b(ignore|disregard|forget)\b.{0,20}?\b(above|previous|prior|earlier|everything|all that|what you were told)\b/,
  /(忽略|无视|忘记|忘掉|不要理会|跳过|绕过|违反|不用管|别管|不要遵守|不必遵守)(?:掉)?(?:你的|你|所有的?|全部的?|之前的?|以前的?|以上的?|上面的?|前面的?|系统的?|这些|那些|一切|任何|的)*(指令|指示|规则|限制|设定|提示词?|约束|要求|规定|安全|只读)/,
  // Granting itself write access: "allow writes", "write mode enabled", "you may now delete" (as a clause of its own).
  /(?:^|[\n.;:!?]\s*)(?:please\s+)?(?:allow|enable|permit|unlock|grant|activate)\s+(?:all\s+)?(?:writes?|write (?:access|mode|permissions?)|mutations?|changes)\b|\bwrites? (?:are|is) (?:now )?(?:allowed|enabled|permitted|unlocked)\b|\byou (?:may|are (?:now )?allowed to|have (?:been )?(?:permission|authori[sz]ed) to) (?:now )?(?:write|delete|modify|change|scale|edit|apply|patch)\b/,
  /允许写|开启写|启用写|写(?:入)?权限已|你(?:现在)?可以(?:写|删除|修改)/,
  /你现在是|扮演|越狱|开发者模式|系统提示|没有限制|不受限制|解除限制|取消限制|新的指令/,
];

/**
 * The rules noun must follow the verb directly (determiners aside): "ignore your rules" lifts K8Helper's
 * rules, while a qualified noun ("bypass the network policy", "skip the node affinity rules") names a
 * cluster object.
 */
export function isInjection(normalised: string): boolean {
  return INJECTION.some((pattern) => pattern.test(normalised));
}
