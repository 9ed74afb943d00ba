/**
 * What a question asks of its answer beyond which objects (TOOLS.md second edition): the attribute ("what image"),
 * the rows ("not ready", "restarts the most"), a rollout or what changed. Each is a list of the ways people say it,
 * matched on the lower-cased question; the calls the grammar built are then refined (refine-calls.ts).
 */

/** `describe_resource.fields`, each with the English and Chinese ways to ask for it. */
export const FIELD_PHRASES: readonly [field: string, pattern: RegExp][] = [
  [
    "image",
    /\bimages?\b|\b(?:which|what) (?:registry|tag|digest)\b|\bpulls? from\b|\b(which|what) containers\b|\bcontainers (in|of)\b|\bhow many containers\b|\bimage tag\b|\bversion of the image\b|(?:哪个|什么|啥|which|what)\s*(?:tag|digest)\b|\b(?:tag|digest) (?:is|does) (?:it|\S+) (?:run|use|running|using)\b|镜像|几个 ?(container|容器)|多少个? ?(container|容器)/,
  ],
  [
    "resources",
    /\b(memory|cpu|mem)\s+(limits?|requests?)\b|\b(limits?|requests?)\b(?! ?ranges?\b)|\bresources?\s+(limits?|requests?)\b|\bcapacity\b|\ballocatable\b|\bhow much (memory|cpu|mem)(?:\s*(?:and|&|\/|or|,)\s*(?:memory|cpu|mem))? does .+ (have|get|ask for|request|reserve|need)\b|\b(memory|cpu|mem)\b.*\b(asks?|asking) for\b|(请求|申请)\s*(多少|了多少)?\s*(内存|cpu)|申请了多少|内存限制|cpu限制|资源限制|资源请求|内存请求|(内存|cpu|资源)(的)?(上限|配额)|(内存|cpu|资源)\s*的?\s*(请求|限制|申请)/,
  ],
  [
    "node",
    /\b(which|what) node\b|\bnode (is|was) .+ on\b|\bwhere (?:does|do)\s+(?:\S+\s+)?(?:run|live)\b|跑在哪|在哪跑|\brunning on which\b|在哪[个個]\s*(?:节点|節點|node)|哪[个個]\s*(?:节点|節點|node)\s*上|运行在哪|哪[台个個部](?:机器|機器|主机|主機|服务器|伺服器)/,
  ],
  ["ip", /\b(pod |cluster |node )?ips?\b|\bip address(es)?\b|ip地址|的ip/],
  ["ports", /\b(node ?|target ?|container ?)?ports?\b|\bexpos(e|es|ed|ing)\b|端口|暴露/],
  [
    "replicas",
    /\breplicas?\b|\breplica count\b|\bmin and max\b|\bmin ?\/ ?max\b|\b(hpa|autoscaler|scaling|replica) range\b|\b(min|max)(imum)? replicas\b|副本数|几个副本|多少个?副本/,
  ],
  ["labels", /\blabels\b|\bwhat label\b|\bselectors?\b|选择器|\b(what|which) (team|zone|region|tier)\b|标签/],
  ["annotations", /\bannotations?\b|注解/],
  ["probes", /\bprobes?\b|\bliveness\b|\breadiness\b|\bhealth ?checks?\b|探针|健康检查/],
  // JAVA_OPTS, CATALOG_URL: object names hold no "_", so a word joined by one is a variable's name.
  [
    "env",
    /\benv\b|\benvironment( variables?)?\b|\benv vars?\b|环境变量|(?<![\w-])[a-z][a-z0-9]*_[a-z0-9_]+(?![\w-])/,
  ],
  ["volumes", /(?<!persistent )\bvolumes?\b|\bmounts?\b|\bmounted\b|挂载|存储卷/],
  ["owner", /\bowners?\b|\bowned by\b|\bwho owns\b|\bcontroll?ed by\b|属于哪个|归属/],
  [
    "schedule",
    /\bschedule\b|\bcron expression\b|\bwhen does .+ run\b|\b(supposed|scheduled|meant|due) to run\b|\bconcurrency ?policy\b|\b(ever|last) (run|ran)\b|\blast (time )?.+ ran\b|上次.*(跑|运行|执行)|(跑|运行|执行)过|调度时间|执行时间|多久跑一次/,
  ],
  ["conditions", /\bconditions?\b|状况/],
  ["taints", /\btaints?\b|\btainted\b|污点/],
];

/** "not ready", 不健康, 没就绪, "not fully available": only the rows not in their healthy state. */
export const UNHEALTHY =
  /\bnot (fully |all )?(ready|healthy|available|up)\b|\bnotready\b|\bunhealthy\b|\bunavailable\b|\bfailing\b|\bdegraded\b|\bbelow desired\b|\bshort of (?:replicas|pods)\b|\bunder-?replicated\b|\bmissing replicas\b|不健康|没就绪|未就绪|没有就绪|不\s*ready|没\s*ready|不可用|异常的/;

/** A question that wants the rows listed ("which", 哪些), not a diagnosis of everything. */
export const ASKS_FOR_ROWS =
  /\b(which|what|list|show|how many|count|any)\b|哪些|列出|有多少|多少个|几个|显示/;

export const SORT_BY_RESTARTS =
  /\brestart(s|ed)? (the )?most\b|\bmost restarts\b|\b(highest|most|top) restart(s| counts?)?\b|\b(sorted |sort |ordered )?by restarts?\b|\brestart(s| counts?)\b.*\b(highest|most|largest|biggest) first\b|\brestart(s| counts?)\b.*\b(descending|ranked|sorted)\b|重启(次数)?最多|重启最频繁|(重启(次数)?|\brestart(s| counts?)\b).*(从高到低|从多到少|降序|排序|排名)|(重启(次数)?|\brestart(s| counts?)\b)\s*(最高|最多|最大|最频繁)|\brestart counts? (is |are )?(the )?(highest|biggest|largest)\b/;
export const SORT_BY_AGE = /\b(oldest|newest|youngest)\b|\bby age\b|\bsorted by age\b|最老|最新的|最早/;

export const ROLLOUT =
  /\brollout(?! strategy)\b|\brolling update\b|\broll(?:ed|ing)? ?back\b|\bundo\b|(?:如果|要是|假如|想|要|怎么|如何|能否|能不能)(?:回滚|回退)|(?:回滚|回退)(?:到|会|的话|之后|后)|\bchange[- ]?cause\b|\bwho (?:deployed|rolled out|released)\b|\b(?:triggered|kicked off|started)\b.*\bdeploy(?:ment)?\b|谁(?:发|部署|上线)的|\brolled out\b|\blast deploy(ment)? of\b|\blast +(release|deploy)\b|\brevisions?\b|(?:旧|老|之前|上一)的?\s*(?:replicaset|rs|副本集)|\bold (?:replicaset|rs)\b|上一版|前一版|前一个版本|之前那个版本|之前的版本|发版|\b(previous|prior|old|older|earlier) (image|version|tag|release)s?\b|\b(image|version|tag)\b.*\b(before|previously)\b|\broll(ed)? back to\b|上一?个?版本|(?:上一?|最近一|最后一)次(发布|部署|上线|发版)|之前的(镜像|版本)|旧版本|以前的(镜像|版本)|发布状态|发布历史|发布(卡住|卡了|卡在|卡着|顺利|正常|进度|完成|怎么样)|滚动更新|回滚历史|版本历史|历史版本|上线(状态|历史)|(?:升级|发版|发布|上线|更新|部署)(?:前后|之前和之后)|前后.{0,6}(?:镜像|版本)|\bbefore and after (?:the )?(?:upgrade|deploy|release|rollout)\b|\bstill progressing\b|\b(?:deploy|deployment|statefulset|daemonset|sts|ds)s?\b.{0,40}\bprogress(?:ing|ed)?\b|\bprogress(?:ing)? of (?:the )?(?:deploy|deployment|rollout)\b|还在(?:更新|滚动|发布|上线)/;

export const CHANGES =
  /\b(?:did|has|have) (?:anyone|anybody|someone|somebody|they|we) (?:change|modif|edit|updat|touch|tweak)\w*\b|\bwhat('s| has| have)? changed\b|\bwhat changes\b|\brecent changes\b|\bany changes\b|\bchanges? (in|to|since|over)\b|\bwhat happened\b|\bwho changed\b|\bwho (?:scaled|deployed|restarted|updated|edited|modified|rolled|touched|bumped|ran|did|made|applied|pushed|triggered|changed)\b|\b(?:done|made|changed|applied|triggered) by (?:kubectl|helm|argo\w*|the hpa|hand|a person|someone)\b|\bwhen (?:was|did)\s+(?:\S+\s+){0,3}?(?:scaled?|deployed|deploy|updated?|changed?|edited|edit|rolled out|released?|restarted|restart)\b|什么时候(?:升级|发布|部署|上线|扩容|缩容|改)|从哪个版本|\bwhat was (deployed|changed)\b|\bwhat('s| is) new\b|\b(anything|what|something) (new )?(got |was |been )?deployed\b|\bdeployed (in|since|over|during)\b|变更|改动|有什么变化|有啥变化|有啥 ?change|变了吗|变过|发生了什么|改了(?:什么|啥|哪些|些什么)|(?:有没有|是不是)被?(?:扩容|缩容)|(?:扩|缩)(?:容)?了(?:吗|没|几)|从几个到几个|什么时候(?:掉线|挂|宕|断|变成|开始|出现)|\bsince when\b|\bwhen did .{0,40}?\b(?:go|become|turn|get|start|begin|fall)\b|(?:有没有|是否|谁|有人)[^，。？?]{0,6}(?:发布|部署|上线|发版|升级)(?:过|了)|(?:发布|部署|上线|发版|升级)过(?:新)?(?:版本)?|(?:发布|部署|上线|发版|升级)了(?:吗|没|么)|新版本|\bnew (?:versions?|releases?)\b|\b(?:anything|something|what) (?:got |was |been )?(?:released|rolled out)\b/;

/** The fields a question asks about, in catalogue order. */
export function askedFields(text: string): string[] {
  // A field word inside a name is no field: the node ip-10-0-3-17, the deployment image-resizer-v2.
  const words = text.replace(NAME_LIKE, " ");
  return FIELD_PHRASES.filter(([, pattern]) => pattern.test(words)).map(([field]) => field);
}
const NAME_LIKE = /\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b|\b[a-z]+(?:-[a-z]+)*-\d[a-z0-9-]*\b/gi;
