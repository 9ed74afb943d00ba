import { CHINESE_ADVICE, ENGLISH_ADVICE } from "../../advice-question.js";

/** What a question asks for; each maps to one tool (list → get_resources). */
export type Intent =
  | "list"
  | "describe"
  | "manifest"
  | "logs"
  | "events"
  | "top"
  | "overview"
  | "health"
  | "diagnose";

/** The role a word or phrase plays in a question. Kinds are looked up separately (kind-lexicon.ts). */
export type Cue =
  | { role: "intent"; intent: Intent }
  | { role: "all" }
  | { role: "cluster" }
  | { role: "nameMarker" }
  | { role: "inPrep" }
  | { role: "onPrep" }
  | { role: "locative" }
  | { role: "possessive" }
  | { role: "sort"; value: "cpu" | "memory" }
  | { role: "eventType"; value: "Warning" | "Normal" }
  | { role: "phase"; value: string }
  | { role: "previous" }
  | { role: "container" }
  | { role: "lines" }
  | { role: "recent" }
  | { role: "unit"; seconds: number }
  | { role: "number"; value: number }
  | { role: "label" }
  | { role: "conj" }
  | { role: "stop" };

const intent = (value: Intent): Cue => ({ role: "intent", intent: value });
const many = (words: string, cue: Cue): [string, Cue][] => words.split("|").map((word) => [word, cue]);

/** English words and phrases (lower case, single spaces). */
const ENGLISH: [string, Cue][] = [
  ...many(
    "list|show|get|display|view|see|fetch|print|find|what|which|how many|count|number of|status|state|exist|exists|are there|is there|look at|lookup|check|enumerate|report",
    intent("list"),
  ),
  ...many(
    "describe|desc|details|detail|detailed|description|info|information|inspect|tell me about|more about|explain|what does it do|what is it for|tls|https|certificate|cert|certs",
    intent("describe"),
  ),
  ...many("yaml|yml|manifest|manifests|json|definition|spec|raw|dump|full contents", intent("manifest")),
  // "logging" is left out: it is a common namespace ("the fluentd daemonset in logging").
  ...many("logs|log|logged|stdout|output|tail|grep", intent("logs")),
  ...many(
    "what happened|happened|happening|what changed|changes|activity|recent activity|timeline",
    intent("events"),
  ),
  ...many(
    "top|busier|busiest|more loaded|most loaded|consumers|hogs|usage|utilization|utilisation|consumption|consuming|consumes|consume|metrics|resource usage|hungry|heaviest",
    intent("top"),
  ),
  ...many(
    "overview|summary|summarize|summarise|cluster info|cluster-info|dashboard|version|how is|how's|doing",
    intent("overview"),
  ),
  ...many("health|healthy|ok|okay|fine|alright|going on|goin on|usable", intent("health")),
  ...many(
    "why|wrong|failing|fails|fail|crashing|crashes|crashed|crash|crashloop|crashloops|crashlooping|crashlooped|crash loop|crash loops|crashloopbackoff|backoff|broken|troubleshoot|troubleshooting|debug|diagnose|diagnosis|diagnostics|problem|problems|issue|issues|unhealthy|not ready|notready|not healthy|not working|isn't working|doesn't work|not work|error|errors|erroring|failure|failures|imagepullbackoff|errimagepull|image pull|oomkilled|oomkills|oom|out of memory|pressure|stuck|restarting|keeps restarting|unschedulable|degraded|down|trouble|investigate|root cause|misbehaving|unavailable|not available|not starting|won't start|went wrong|gone wrong|not fully available|not all ready|can't start|cannot start|doesn't start|fails to start|failed to start|wont start|won't come up|wont come up|not coming up|doesn't come up|dying|keeps dying|keep dying|died|flapping|broke|blowing up|keeps crashing|keep crashing|what do i look at|what should i look at|where do i look|where should i look|what do i check|where do i start|where to start|next steps|next step|mismatch|mismatched|too big|too large|too small|ask for too much|asked for too much|asking for too much|because of|caused by|due to|cause of|the cause",
    intent("diagnose"),
  ),
  ...many(ENGLISH_ADVICE, intent("diagnose")),
  ...many("doesn't fit|does not fit|won't fit|can't fit|cannot fit|not fit|doesnt fit", intent("diagnose")),
  ...many(
    "all|every|each|any|anywhere|everywhere|cluster-wide|clusterwide|cluster wide|across|whole|entire",
    { role: "all" },
  ),
  ...many("cluster|k8s cluster|kubernetes cluster", { role: "cluster" }),
  ...many("named|called|name|with name|name is|named as", { role: "nameMarker" }),
  ...many("in|within|inside|under", { role: "inPrep" }),
  ...many("on|running on|scheduled on|hosted on", { role: "onPrep" }),
  ...many("cpu|cpus|processor|millicores|cores", { role: "sort", value: "cpu" }),
  ...many("memory|mem|ram", { role: "sort", value: "memory" }),
  ...many("warning|warnings|warning events|error events|failure events|warning-type", {
    role: "eventType",
    value: "Warning",
  }),
  ...many("normal events|normal event|type normal|of type normal", { role: "eventType", value: "Normal" }),
  ...many("pending", { role: "phase", value: "status.phase=Pending" }),
  ...many(
    "not running|non-running|not in running|aren't running|are not running|is not running|isn't running",
    { role: "phase", value: "status.phase!=Running" },
  ),
  ...many("running", { role: "phase", value: "status.phase=Running" }),
  ...many("failed", { role: "phase", value: "status.phase=Failed" }),
  ...many("succeeded|completed|successful", { role: "phase", value: "status.phase=Succeeded" }),
  ...many(
    "previous|prev|before it crashed|before the crash|before crashing|before it restarted|before the restart|before restarting|before the last restart|last crash|prior container|terminated container|crashed container|previous container|previous instance",
    { role: "previous" },
  ),
  ...many("container|containers", { role: "container" }),
  ...many("lines|line|rows", { role: "lines" }),
  ...many("last|latest|recent|most recent|past|final|newest", { role: "recent" }),
  ...many("second|seconds|sec|secs", { role: "unit", seconds: 1 }),
  ...many("minute|minutes|min|mins", { role: "unit", seconds: 60 }),
  ...many("hour|hours|hr|hrs", { role: "unit", seconds: 3600 }),
  ...many("day|days", { role: "unit", seconds: 86400 }),
  // English numbers as words ("the last two hours", "half an hour").
  ...Object.entries({
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    ten: 10,
    fifteen: 15,
    twenty: 20,
    thirty: 30,
  }).map(([word, value]): [string, Cue] => [word, { role: "number", value }]),
  ["half", { role: "number", value: 0.5 }],
  ...many("label|labels|labeled|labelled|selector|label selector|tagged", { role: "label" }),
  // The selector itself (status.phase=Running) says it is a field selector; the words only announce it.
  ...many("field selector|field selectors|field-selector|fieldselector", { role: "stop" }),
  ...many("and|&|plus|as well as|also|along with", { role: "conj" }),
  ...many(
    "before and after|progressing|progressed|progress|still|serve|serves|served|serving|upgrade|upgraded|limit|limits|request|requests|scaled down|scaled up|scaled to zero|vs|versus|volume|hostname|hostnames|supposed|concurrency policy|concurrency|min/max|fully|delete|deleting|remove|removing|drain|cordon|uncordon|exec|patch|edit|apply|kill|evict|installed|registered|cordoned|uncordoned|drained|tainted|schedulable|bound|unbound|reachable|unreachable|finished|among|amongst|since|ago|stream|streaming|follow|following|live|i'd|i'm|can't|cannot|start|starting|export|deleted|created|evicted|restarted|scaled|updated|changed|modified|today|yesterday|zero|rollout|history|strategy|run|runs|scale|size|restarts|restart count|age|oldest|newest|rules|annotations|image|images|ports|port|replicas|conditions|volumes|env|environment|ip|ips|address|addresses|owner|owners|ready|capacity|allocatable|uptime|the|a|an|me|my|everything|anything|something|our|us|your|you|i|we|please|pls|can|could|would|will|should|is|are|was|were|be|been|do|does|did|there|that|those|these|this|it|its|of|for|with|to|at|by|from|about|some|currently|current|right|now|just|kindly|give|tell|let|know|want|need|like|hey|hi|hello|k8helper|kubectl|k|k8s|kubernetes|what's|whats|who|where|how|many|much|have|has|existing|available|present|here|both|them|they|their|then|so|items|objects|resources|resource|workloads|workload|object|thing|things|ones|one|active|defined|configured|deployed|mine|exactly|quickly|quick|full|complete|sorted|sort|order|using|uses|use|used|most|highest|top-level|which ones|right now|at the moment|in total|total|altogether|overall|o|wide|namespaced|open|ones|kind|type|types|etc|please show|me the|again|only|whose|or|as|if|when|at all|go|any of|up|new|old|recently|today|thanks|thank|via|same|other|into|each of|on call|on-call|oncall|paged|pager|page|rn|asap|ya|plz|thx|btw|fyi|real quick|earlier|lately|from earlier|before it died|right before",
    { role: "stop" },
  ),
];

const CHINESE: [string, Cue][] = [
  ...many(
    "查看|列出|列举|显示|展示|获取|看看|看一下|看下|查询|查一下|查下|查找|找出|找到|有哪些|哪些|多少|几个|列表|状态|统计|数量|个数|打印|输出|检查|是什么|有没有|存在",
    intent("list"),
  ),
  ...many(
    "详细信息|详细|详情|描述|具体信息|详细描述|说明|信息详情|是干嘛的|是干啥的|是做什么的|干什么用的|做什么用的|有什么用|的作用|证书|憑證|證書",
    intent("describe"),
  ),
  ...many("配置清单|资源清单|清单|定义|配置文件|规格|原始配置|完整配置", intent("manifest")),
  ...many("日志|输出日志|控制台输出", intent("logs")),
  ...many("发生了什么|发生什么|发生了哪些|动态", intent("events")),
  ...many(
    "使用率|使用量|占用|消耗|资源使用|用量|利用率|资源占用|最耗|使用情况|用了多少|用多少|吃紧|更吃紧|最吃紧|负载高|负载最高|更忙|最忙",
    intent("top"),
  ),
  ...many(
    "概览|概况|总览|状况|整体|总体|全貌|集群信息|运行状况|版本|集群状态|集群状况|集群概况",
    intent("overview"),
  ),
  ...many(
    "健康|健康状况|健康吗|正常吗|正常|好不好|健不健康|正不正常|健康不|正常不|啥情况|什么情况|啥状况|能用吗|能不能用|可用吗|可不可用|还能用吗|能访问吗|能不能访问|能用嗎|可用嗎|能訪問嗎",
    intent("health"),
  ),
  ...many(
    "为什么|为何|为啥|咋回事|怎么回事|咋了|咋的|啥问题|出啥问题|什么问题|问题|排查|故障|诊断|异常|出错|错误|报错|崩溃|不正常|起不来|启动失败|无法启动|不能启动|不健康|怎么了|未就绪|没有就绪|不就绪|没就绪|不可用|挂了|宕机|卡住|一直重启|反复重启|频繁重启|不断重启|老重启|老是重启|总重启|总是重启|老挂|老崩|原因|压力|拉取镜像失败|镜像拉取失败|内存溢出|内存不足|内存爆掉|内存爆了|内存爆|爆内存|内存炸了|被杀掉|被杀|被干掉|调度失败|无法调度|不能调度|不工作|失败原因|不够|不足|一直失败|总是失败|老是失败|总失败|老失败|反复失败|一直报错|总是报错|老是报错|是因为|因为|导致|引起|造成|由于|不匹配|不一致|对不上|太大了|太小了|是不是太大|是不是太小|的锅|背锅|的鍋",
    intent("diagnose"),
  ),
  ...many(CHINESE_ADVICE, intent("diagnose")),
  ...many("放不下|装不下|调度不上|排不上", intent("diagnose")),
  ...many("所有|全部|全体|每个|各个|各|任何|整个|全集群|集群范围|跨命名空间|所有的|全部的", { role: "all" }),
  ...many("集群|群集", { role: "cluster" }),
  ...many("名为|名叫|叫做|名称为|名字为|名称是|名字是|名字叫|名称叫|叫|名字|名称", { role: "nameMarker" }),
  ...many("在|位于", { role: "inPrep" }),
  ...many("运行在|调度到|跑在", { role: "onPrep" }),
  ...many("中|里|内|下|上|里面|当中|之中|下面|之下|中间|内部|上面|上边|里边", { role: "locative" }),
  ...many("的|之", { role: "possessive" }),
  ...many("处理器", { role: "sort", value: "cpu" }),
  ...many("内存", { role: "sort", value: "memory" }),
  ...many("警告|告警|警报|警告事件|告警事件|异常事件", { role: "eventType", value: "Warning" }),
  ...many("正常事件", { role: "eventType", value: "Normal" }),
  ...many("待定|挂起|等待中|等待调度|等待|pending状态", { role: "phase", value: "status.phase=Pending" }),
  ...many(
    "未运行|没有运行|不在运行|没在运行|非运行|不是运行|没运行|未在运行|没在跑|不在跑|没跑|没有跑|没有在跑|没有在运行|没有正在运行|不是在运行|不处于运行|并未运行|没能运行|无法运行",
    {
      role: "phase",
      value: "status.phase!=Running",
    },
  ),
  ...many("运行中|正在运行|在运行|运行着", { role: "phase", value: "status.phase=Running" }),
  ...many("失败|已失败|失败了", { role: "phase", value: "status.phase=Failed" }),
  ...many("成功|已完成|完成的|运行完成|成功的", { role: "phase", value: "status.phase=Succeeded" }),
  ...many("上一次|上次|之前|前一个|上一个|崩溃前|重启前|崩溃之前|重启之前|先前|前一次|崩溃时|上一轮", {
    role: "previous",
  }),
  ...many("容器", { role: "container" }),
  ...many("行|条", { role: "lines" }),
  ...many("最后|最近|最新|末尾|过去|后", { role: "recent" }),
  ...many("秒|秒钟", { role: "unit", seconds: 1 }),
  ...many("分钟|分", { role: "unit", seconds: 60 }),
  ...many("小时|个小时|钟头|个钟头", { role: "unit", seconds: 3600 }),
  ...many("天", { role: "unit", seconds: 86400 }),
  ...many("标签|标签为|标签是|带有|带", { role: "label" }),
  ...many("字段选择器|字段选择|字段过滤", { role: "stop" }),
  ...many("和|与|及|以及|跟|还有|同时|、|并且|外加", { role: "conj" }),
  ...many(
    "升级|这次|这回|发布|回滚|上线|发版|前后|一直|总是|老是|经常|高|低|一个|导出|内容|时间|执行|污点|镜像|分别|选择器|伸缩|更新|启动|最早|副本数|副本|处于|重启次数|次数|被删除|删除|创建|更新策略|策略|扩容历史|历史|重启过|重启|被驱逐|驱逐",
    {
      role: "stop",
    },
  ),
  ...many(
    "了|吗|呢|吧|啊|呀|请|帮我|帮忙|给我|麻烦|一下|我|我们|你|想|要|想要|需要|如何|怎么|怎样|怎么样|什么|当前|目前|现在|这个|那个|该|有|是|都|个|些|这些|那些|所在|一共|总共|共|情况|信息|资源|对象|工作负载|负载|能|可以|能否|看|哪个|哪|一些|以下|相关|对应|关于|告诉|上面|现有|已有|目前有|运行|跑|再|使用|最高|最多|最大|排序|排名|前|最|按|从|请问|并|其|它|它们|得|地|着|过|对|给|把|用|被|kubernetes|k8s|所|时|呢|么|吗|嘛|啦|了吗|下吧",
    { role: "stop" },
  ),
  ...[..."一二三四五六七八九十"].map((digit, index): [string, Cue] => [
    digit,
    { role: "number", value: index + 1 },
  ]),
  ["两", { role: "number", value: 2 }],
  ["半", { role: "number", value: 0.5 }],
];

/** Cue words that are also the names of well-known objects (the kubernetes Service, the dashboard Deployment). */
export const OBJECT_NAME_WORDS: ReadonlySet<string> = new Set(["kubernetes", "dashboard", "cluster-info"]);

/** English phrases keyed by their words; Chinese entries keyed by their characters. */
export const ENGLISH_CUES: ReadonlyMap<string, Cue> = new Map(ENGLISH);
export const CHINESE_CUES: ReadonlyMap<string, Cue> = new Map(CHINESE);

/** The longest English phrase, in words, so the tokenizer knows how far to look ahead. */
export const LONGEST_ENGLISH_PHRASE = Math.max(...ENGLISH.map(([phrase]) => phrase.split(" ").length));
