/**
 * Lines of `kubectl describe` that no `describe_resource` field names (tools/describe-facts.ts): the QoS class, the
 * restart policy, a container's command and args, a ConfigMap's data. The planner describes the object when a
 * question asks for one (planner/builtin/described-facts.ts); the summary then leads with it (summary/described-lead.ts).
 */
export interface DescribedLine {
  /** The label describe-facts.ts gives the line. */
  label: string;
  pattern: RegExp;
  /** A pod's status, not its workload's template. */
  podOnly?: boolean;
  /** What a ConfigMap holds. */
  data?: boolean;
}

export const DESCRIBED_LINES: readonly DescribedLine[] = [
  { label: "QoS Class", pattern: /\bqos\b|\bquality of service\b|服务质量/, podOnly: true },
  { label: "Restart Policy", pattern: /\brestart ?policy\b|重启策略/ },
  {
    label: "Strategy",
    pattern:
      /\b(?:rollout|update|deploy(?:ment)?|upgrade) strategy\b|\bstrategy\b|\brolling ?update\b|\bmax ?(?:surge|unavailable)\b|更新策略|发布策略|部署策略|升级策略|滚动更新/,
  },
  { label: "Service Account", pattern: /\bservice ?accounts?\b|\bsa\b|服务账号|服务账户|服务帐号/ },
  { label: "Command", pattern: /\bcommand(s| line)?\b|\bentrypoint\b|启动命令|命令/ },
  { label: "Args", pattern: /\bargs\b|\barguments?\b|参数/ },
  {
    label: "Data",
    pattern:
      /\bcontents?\b|\bwhat('s| is) in(side)?\b|\bdata\b|\bkeys?\b|\bvalues?\b|\bsettings?\b|\bconfigured\b|\bset to\b|内容|里面?(?:有|是|写|配)|怎么配|配置了?(?:什么|啥)|数据|值|设置/,
    data: true,
  },
];

/** The lines a question asks for, in the catalogue's order. */
export function describedLinesAsked(text: string): DescribedLine[] {
  const lower = text.toLowerCase();
  return DESCRIBED_LINES.filter((line) => line.pattern.test(lower));
}
