/**
 * Attributes that have no `describe_resource` field but are lines of `kubectl describe` itself (describe-facts.ts):
 * the QoS class, the restart policy, a container's command and args, a ConfigMap's data. Asking for one plans the
 * description without `fields`; the summary then leads with the line asked for (summary/described-lead.ts).
 */
const DESCRIBED_LINE =
  /\bqos\b|\bquality of service\b|\brestart ?policy\b|\bargs\b|\barguments?\b|\bcommand(s| line)?\b|\bentrypoint\b|\bcontents?\b|\bwhat('s| is) in(side)?\b|\bdata\b|服务质量|重启策略|启动参数|参数|启动命令|命令|内容|里面(有|是)什么|数据/;

/** Lines only a pod has (its status), not its workload's template. */
const POD_ONLY_LINE = /\bqos\b|\bquality of service\b|服务质量/;

/** What a ConfigMap holds (of an object named like a workload too, the ConfigMap is the one with contents). */
const DATA_LINE = /\bcontents?\b|\bwhat('s| is) in(side)?\b|\bdata\b|内容|里面(有|是)什么|数据/;

export interface DescribedLine {
  podOnly: boolean;
  data: boolean;
}

export function asksForDescribedLine(text: string): DescribedLine | undefined {
  if (!DESCRIBED_LINE.test(text)) return undefined;
  return { podOnly: POD_ONLY_LINE.test(text), data: DATA_LINE.test(text) };
}
