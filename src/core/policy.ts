import { toSimplified } from "./planner/builtin/chinese-forms.js";
import { BUILTIN_KINDS } from "./planner/builtin/kind-lexicon.js";
import type { Language } from "./question.js";
import { isInjection } from "./question-filter/injection.js";
import { withoutMentions } from "./question-filter/mentions.js";
import { withoutObfuscation } from "./question-filter/obfuscation.js";
import { asksForSecret } from "./question-filter/secret-ask.js";
import { withShellAliasesSpelled } from "./question-filter/shell-aliases.js";
import { unwrapQuestion } from "./question-filter/unwrap.js";

// ---------- Questions ----------

// Verbs that change a cluster. Only their plain (imperative) form counts: "restarting", "restarts", "deleted" describe state.
const WRITE_VERBS = new Set(
  "delete|remove|destroy|kill|terminate|evict|drain|cordon|uncordon|taint|untaint|patch|edit|apply|create|scale|restart|reboot|rollback|rollout|exec|attach|port-forward|portforward|cp|copy|run|expose|set|replace|label|annotate|update|upgrade|downgrade|modify|change|install|uninstall|redeploy|deploy|stop|start|shutdown|suspend|resume|pause|unpause|purge|wipe|reset|increase|decrease|add|bump|disable|enable|grant|revoke|autoscale|recreate|rename|move|migrate|flush|clear|truncate|shell|ssh|kubectl-delete|roll|unset|configure|rotate|renew|approve|deny|overwrite|mutate|erase|nuke|downscale|upscale|open|shut|power|turn|bounce|trigger|undo|redo|retry|restore|execute|launch|sync".split(
    "|",
  ),
);
// Words that may sit before an imperative ("can you please delete", "how do I restart", "I want to scale").
const LEAD_IN = new Set(
  "please|pls|plz|kindly|can|could|would|will|you|u|i|we|want|wanna|need|like|i'd|id|to|help|me|us|let|let's|lets|go|ahead|and|then|now|just|quickly|immediately|also|how|do|should|shall|may|might|try|k8helper|bot|hey|hi|ok|okay|so|first|finally|must|gotta|got|im|i'm|going|trying|asap|force|forcefully|safely|gracefully|sudo|really|actually|simply|helm".split(
    "|",
  ),
);
// A write verb used as a noun or about state: "restart count", "rollout status", "scale of the cluster".
const READ_AFTER = new Set(
  "count|counts|status|history|policy|policies|reason|reasons|time|times|timestamp|number|loop|loops|limit|limits|events|event|log|logs|of|strategy|type|config|phase|state|selector|selectors|key|keys|value|values|mode|backoff|rate|progress|info|information|details|happened|happen|happening|on|as|fail|failed|failure|probe|probes".split(
    "|",
  ),
);
// "unable to scale", "fails to start": the verb after these describes what the cluster cannot do, not a request.
// Verbs that are also the noun of the change they make: "rollout stuck?", "the restart done?".
const NOUN_VERBS = new Set(
  "rollout|rollback|restart|deploy|upgrade|update|install|migrate|scale|drain|eviction|sync".split("|"),
);
// A state said of that noun, closing the clause: it asks how the change went.
const STATE_OF_CHANGE = new Set(
  "stuck|done|complete|completed|finished|failed|failing|broken|blocked|hung|hanging|stalled|ok|okay|working|progressing|paused|successful|succeeded".split(
    "|",
  ),
);
const STATE_BEFORE_TO = new Set(
  "unable|able|fail|fails|failed|failing|refuses|refused|refusing|seems|seem|appears|appear|supposed|expected|allowed".split(
    "|",
  ),
);
// "deploy list", "deploy in shop", "deploy/checkout": the short name of deployments, not the verb.
const DEPLOY_AS_KIND_BEFORE = new Set(
  "in|-n|n|namespace|for|list|lists|yaml|yml|json|manifest|manifests|details|detail|info|events|describe|status|across|on|with|named|called".split(
    "|",
  ),
);
// kubectl subcommands that only read.
const KUBECTL_READS = new Set([
  "get",
  "describe",
  "logs",
  "log",
  "top",
  "events",
  "explain",
  "api-resources",
  "api-versions",
  "version",
  "cluster-info",
  "auth",
  "config",
  "diff",
]);
const KUBECTL_READ_ROLLOUT = new Set(["status", "history"]);
// The rest of kubectl's subcommands: with the reads and writes, every word that can follow `kubectl` in a command.
const KUBECTL_OTHER = new Set(
  "certificate|wait|kustomize|plugin|completion|alpha|options|convert|cluster-info|api-resources".split("|"),
);
// kubectl subcommands that change something (for the short aliases, which must be followed by one).
const KUBECTL_WRITES = new Set(
  "delete|apply|create|patch|edit|scale|rollout|label|annotate|taint|drain|cordon|uncordon|exec|cp|run|expose|set|replace|autoscale|port-forward|attach|debug|proxy".split(
    "|",
  ),
);

const CHINESE_WRITE =
  /删除|删掉|清空|重新跑|重跑|再跑一[次遍下]|手动跑|手动触发|调成|调到|调为|调至|调低|调高|调小|调大|降到|降低到|提高到|升到|加到|减到|设成|设置成|弄成|重置|扩到|扩至|扩成|缩到|缩至|缩成|扩充|删了|移除|清除|清理|销毁|干掉|杀掉|杀死|终止|扩容|缩容|扩缩容|伸缩|调整副本|重启|重新启动|回滚|创建|新建|修改|更改|编辑|改(?:一下|下|掉)|删(?:一下|下)|更新|打标签|打上标签|加标签|加上标签|(?:打(?!印|开|包)|加(?!载|密)|添加|贴)(?:上)?(?:个|一个|一些|几个)?[^，。？?吗]{0,40}?(?:标签|注解|污点|label|annotation|taint)|打上|(?:帮我|帮忙|麻烦你?|给我|你来|你去)\s*(?:把\s*[^，。？?！!]{1,60}?)?删|把[^，。？?！!]{1,60}?(?:删|加上|加个|添加|加入|写入|写进|放进|塞进|去掉|拿掉|挪到|移到|迁到|指向)|添加标签|贴标签|添加注解|加注解|驱逐|排空|封锁|解除封锁|打污点|加污点|添加污点|执行|进入容器|进入pod|登录容器|登录到|端口转发|转发端口|拷贝|复制文件|发布|上线|下线|停止|停掉|关闭|暂停|恢复|触发|设置为|设为|替换|升级|降级|卸载|安装|增加副本|减少副本|改成|改为|改回|换回|切回|回退到|退回到|还原成|还原为|恢复成|换成|换为|换掉|更换|调整|关掉|开启|启用|禁用|启动一个|启动新|应用这个|应用该|换(?:个|一个|一下)?镜像|(?:给我|开|要|打开|进入)(?:一个|个)?[^吗？?]{0,40}?(?:shell|终端|命令行)/g;
// Deploying something new: checked before kind names are masked, since 部署 alone is the Deployment kind.
const CHINESE_DEPLOY = /部署(一个|新的?|到)|重新部署|帮我部署|请部署/;
// Context that makes the verb a question about state: 为什么一直重启, 被删除的, 是否重启过, 负责删除旧备份的(定时任务).
// 哪些/多少 ask which or how many; 在/正在 right before the verb is the progressive (哪些pod在重启: which are restarting).
const CHINESE_READ_CONTEXT =
  /哪些|哪个|哪几个|多少|几个|正在|在(?=重启|删除|终止|扩容|缩容|更新|创建|回滚|停止|驱逐|启动|关闭)|负责|用于|用来|为什么|为何|为啥|咋|怎么老|老是|总是|老(?=重启|挂|崩)|一直|频繁|反复|不断|被|是否|是不是|有没有|谁|什么时候|何时|多久/;
// A state that describes the object, not the question: 一直崩溃的 (pod), 老是重启的 (容器组).
const STATE_MODIFIER = /(?:一直|频繁|反复|不断|老是|总是|老)[^，。？?！!的]{0,12}的/g;
// Someone asked to do it: 帮我, 请, 给我, 麻烦, 你能, 可以帮, 把 (the imperative construction).
const REQUEST_LEAD = /帮我|帮忙|请|给我|麻烦|你能|你可以|可以帮|能帮|能不能帮|把/;
const CHINESE_HOW_BEFORE = /(?:怎么|如何|怎样|该怎么|要怎么)\s*$/;
// 要不要回滚？, 现在能安全地驱逐…吗: whether to do it, or whether it would be safe, asks about the state.
const CHINESE_WHETHER =
  /要不要|该不该|需不需要|需要不需要|应不应该|应该不应该|是否(?:需要|应该|要|可以)|(?:能|可以|能否)安全地?|安全吗|是否安全|有没有风险|有风险吗|会不会有(?:问题|影响)/;
const CHINESE_NO_ACTION =
  /先别|不要执行|别执行|不要操作|别操作|不要动|别动|只告诉我|只是问问|只问|只看|不执行/;
// "drain worker-3 的话会影响哪些 pod", "drain worker-3 之前想确认…": the verb (and its object) before 的话 or 之前 is
// supposed, not requested.
const SUPPOSED_AFTER =
  /^\s*(?:[a-z0-9][a-z0-9./_-]*\s*){0,3}(?:[\u4e00-\u9fff]{1,6}?)?(?:的话|会(?:影响|怎样|怎么样|导致|不会|有什么|有啥)|之后会|后会|前要|之前|以前)/;
// What follows the verb when it is about state: 重启次数, 删除的, 重启过, 更新策略, 启动失败, 重启了吗, 发布卡住了吗,
// 重启是因为内存吗 (the restart is the subject).
const CHINESE_READ_AFTER =
  /^\s*(操作(?:之前|以前|前|之后|以后|后|的|时|记录|历史)|是(?:不是)?(?:因为|由于|谁|什么时候|啥时候|何时|哪个|什么原因|啥原因)|因为|由于|之后|以后|上限|下限|范围|环境|掉的|了的|事件|那件事|这件事|那次|这次|的事|那个问题|会|能否|能不能|可能|是否|被|需要多久|要多久|期间|过程|的话|了吗|了几|了多少|了哪|了什么|了啥|了没|完了|完成|好了|过|探针|的|中|后|前|之前|以前|时|次数|记录|历史|时间|策略|状态|进度|情况|原因|失败|成功|没有|与否|结果|卡住|卡了|卡在|卡着|顺利|正常|怎么样|怎样)/;

// An English verb right after a Chinese request or the 把 construction is requested: 帮我 restart, 把 x scale 到 0.
const CHINESE_LEAD_IN = /(?:帮我|帮忙|请|麻烦你?|给我|能不能|可不可以|可以|去|把[^，。？?吗]*)\s*$/;
// A result after an English verb makes it the request, wherever its object stands: x scale 到 0, suspend 掉, drain 一下.
const CHINESE_RESULT_AFTER = /^\s*(?:[a-z0-9./_-]+\s*)?(?:到|掉|成|为|一下|下|了吧|吧|回去|回滚)/;
// A question about it instead: 吗, 呢, 了没, a question mark at the clause's end.
const CHINESE_QUESTION_END = /(?:吗|呢|么|了没|没有|与否|[?？])\s*$/;
// A prohibition before the verb: 不要 restart, don't delete it, never scale it (the clause says what not to do).
// 能不能, 要不要, 会不会 and 用不用 ask for the verb instead.
const NEGATED_BEFORE =
  /(?:^|[^a-z'])(?:don'?t|do not|dont|never|no need to|not)\s+(?:(?:just|even|try to|ever)\s+)?$|(?:(?<!要)不要|别|(?<!用)不用|不必|勿|无需|不需要|千万别|请勿|(?<!能)不能|(?<!会)不会)(?:真的|真|马上|急着|现在|立刻)?\s*$/;
// "backup-postgres 从未执行", "为什么还没发布": a verb that has not happened states what the object did, a read.
const NOT_HAPPENED_BEFORE = /(?:从未|从来没有?|从没有?|未曾|尚未|还没有?|并没有?|(?<!有)没有?|未)\s*$/;
// "如果 drain demo-worker-2 会影响哪些 pod": a verb after "if" is supposed, not requested.
const CHINESE_SUPPOSED_BEFORE =
  /(?:如果|假如|要是|若是|假设|万一|一旦)(?:我|我们|你|有人|他们)?(?:要|想|真的|现在|去)?\s*$/;
// "if i wanted to exec into postgres-0 later": a verb someone might want to run is supposed, not requested of us.
const SUPPOSED_BEFORE =
  /\b(?:if|when|whenever|once|suppose|supposing)\s+(?:i|we|someone|somebody|one|you)\s+(?:ever\s+)?(?:wanted|want|wants|needed|need|needs|had|have|were|was|decided|decide|tried|try)\s+to\s+$/;
// "make X use image Y", "make checkout have 0 replicas": making an object do something is changing it.
const CAUSED = new Set(
  "use|have|run|point|be|pull|listen|serve|mount|stay|talk|connect|go|roll|scale|stop|start|restart|skip|ignore|drop".split(
    "|",
  ),
);
const NOT_AN_OBJECT = new Set("sure|that|which|who|sense|a|an|it's|its".split("|"));

// A time before the verb makes it a past event, a noun: 上次发布 (the last release), 最近一次重启, 昨天的回滚.
const CHINESE_EVENT_BEFORE = /(?:上次|上一次|最近一次|最后一次|前一次|这次|那次|昨天的?|今天的?|刚才的?)\s*$/;

// Asking for a shell is asking for exec, whatever verb carries it: "get a shell in web-1", "give me a shell".
const SHELL_REQUEST =
  /\b(get|give me|open|start|spawn|drop me into)\s+(an?\s+)?(interactive\s+|root\s+)?shell\b/;

// Phrasal verbs that ask for a change: read as the one-word verb they mean ("get rid of pod x" = delete).
const PHRASAL_WRITES: [RegExp, string][] = [
  [/\b(?:get rid of|tear down|clean up|wipe out|blow away|take out)\b/g, "delete"],
  [/\b(?:take down|bring down|spin down|switch off)\b/g, "stop"],
  [/\b(?:spin up|bring up|stand up)\b/g, "create"],
  [/\b(?:kick|bounce|cycle)\b(?= (?:the |pod|deploy|node|service))/g, "restart"],
];
// A desired state ("checkout should have 0 replicas") with a request to bring it about ("make it so").
const DESIRED_STATE =
  /\b(?:should|must|needs? to|ought to)\s+(?:have|be|run|use|get|scale|point)\b|\bi want\s+\S+\s+to\s+(?:have|be|run)\b/;
const BRING_ABOUT =
  /\b(?:make (?:it|that|this) (?:so|happen)|do it|just do it|go ahead|apply (?:it|that|this)|fix it|take care of it|sort it out|get it done)\b/;

type RefusalReason = "write" | "secrets" | "injection";

const REFUSALS: Record<Language, Record<RefusalReason, (verb: string) => string>> = {
  en: {
    write: (verb) =>
      `K8Helper is read-only, so it will not ${verb || "change"} anything in the cluster. It can show, describe, read logs and events, and diagnose instead: try "describe deployment checkout in shop" or "why is pod web-1 failing?".`,
    secrets: () =>
      "K8Helper never reads Secrets or credentials, so their values stay in the cluster. It can list other resources, describe a workload (which names the Secrets it mounts, without values) or diagnose a failing pod instead.",
    injection: () =>
      "K8Helper's rules cannot be switched off: it stays read-only and never reads Secrets. Ask about pods, deployments, logs, events, or what's wrong in a namespace instead.",
  },
  zh: {
    write: (verb) =>
      `K8Helper 是只读助手，不会${verb ? `执行“${verb}”或` : ""}修改集群中的任何内容。它可以查看、描述、读取日志和事件并诊断问题，例如：“查看shop命名空间中checkout部署的详细信息”或“为什么pod web-1失败？”。`,
    secrets: () =>
      "K8Helper 从不读取 Secret（密钥、凭据），它们的值只留在集群里。它可以列出其他资源、描述工作负载（只显示挂载了哪些 Secret，不显示值），或诊断出问题的 Pod。",
    injection: () =>
      "K8Helper 的规则不能被关闭：它始终只读，也不读取 Secret。请询问 Pod、部署、日志、事件，或某个命名空间有什么问题。",
  },
};

/** The refusal for a question K8Helper must not act on (a change, Secrets, or an attempt to lift the rules), else null. */
export function checkQuestionPolicy(text: string, language: Language): string | null {
  // Traditional characters fold to simplified ones so 刪除 and 密鑰 meet the same rules as 删除 and 密钥.
  // Injection wrappers (fake tags, fences, quotes, role labels) become clause breaks: the request inside is read.
  // A quoted text the question asks about ("which logs contain 'ignore previous instructions'") is mentioned, not said.
  // A kubectl shell alias (`kdelp x`, `kgsec`) is the command it stands for.
  const lower = (source: string) =>
    unwrapQuestion(
      withoutMentions(
        toSimplified(withoutObfuscation(withShellAliasesSpelled(source.normalize("NFKC"))))
          .toLowerCase()
          .replace(/[\u2018\u2019]/g, "'")
          .replace(/\bdeploy\//g, "deployments/"),
      ),
    );
  const normalised = lower(text.replace(QUOTED_COMMAND_NAMED, "$1 that command"));
  // A lowerCamelCase word is a key (`paymentGatewayToken`): object names are lower case, so it is spelled as one.
  const keysSpelled = lower(text.replace(/\b[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+\b/g, splitCamelCase));
  const refuse = (reason: RefusalReason, verb = "") => REFUSALS[language][reason](verb);
  if (isInjection(normalised)) return refuse("injection");
  if (asksForSecret(keysSpelled)) return refuse("secrets");
  if (SHELL_REQUEST.test(normalised)) return refuse("write", "exec");
  if (DESIRED_STATE.test(normalised) && BRING_ABOUT.test(normalised)) return refuse("write", "change");
  const verb = englishWriteVerb(normalised) ?? chineseWriteVerb(normalised);
  return verb === undefined ? null : refuse("write", verb);
}

const splitCamelCase = (word: string) => word.replace(/([a-z0-9])([A-Z])/g, "$1_$2");

// Clause breaks: punctuation, brackets, and the words that start a new request ("and if so restart it").
const CLAUSE_BREAK =
  /(?:\.(?!\d)|[;:!?\n,，。；：！？()—–])+|\b(?:and then|then|but|otherwise|also|if (?:so|yes|needed|necessary|not|it is|it's|they are))\b/;
// A topic written as a heading before a question: "kill switch: which pods were OOM killed today".
const TOPIC_HEADING =
  /^\s*[a-z][a-z0-9-]*(?: [a-z][a-z0-9-]*)?\s*:\s+(?=(?:which|what|what's|why|how|is|are|does|do|did|any|where|when|who)\b)/;
// "what did the last `kubectl set image` change": a quoted command named after a determiner is what was run, a noun.
// Never after a verb that performs it ("do the `kubectl drain x` for me" is a request).
const QUOTED_COMMAND_NAMED =
  /(?<!\b(?:do|run|execute|apply|perform|issue|repeat|redo|rerun|retry|try|type|send|fire|make)\s+)\b(the|that|this|last|previous|earlier|latest|whose|which|my|your|their|someone's)\s+(?:last\s+|previous\s+)?`kubectl\b[^`]*`/gi;
// "how do I restart a deployment?": asks how a person would do it, not for K8Helper to do it.
const HOW_TO =
  /^\s*(?:\S+\s+){0,2}?how (?:do|would|can|could|should|shall|to|does one)\b|^\s*(?:\S+\s+){0,2}?\S{0,12}?(?:怎么|如何|怎样)/;
// "can I safely evict a pod now?", "should we restart it?": asks whether a change would be safe, a read of the state.
const WHETHER_SAFE =
  /^\s*(?:\S+\s+){0,2}?(?:(?:can|could|may|should|shall) i|should we)\b|\b(?:is|are|would|will|was)\b(?:\s+\S+){1,4}?\s+(?:safe|ok|okay|fine|risky|dangerous)\s+to\b|\bwhat (?:happens|would happen) if\b/;
// A clause that asks something of the cluster (a how-to question is answered only when one of these comes with it).
const READ_CLAUSE =
  /\b(?:what|what's|which|why|where|when|who|how (?:many|much|long|often)|is|are|does|did|was|were|has|have|show|list|check|describe|any)\b|哪里|哪儿|什么|为什么|为啥|哪些|哪个|多少|几个|吗|呢|告诉我|看看|查看|显示|列出|有没有|是否|怎么样|情况/;

/**
 * An imperative write verb at the start of a clause ("please restart the pod"), after "to", or a kubectl write.
 * A how-to clause ("how do I restart X?") is refused only when nothing else is asked; a question whether a change
 * would be safe asks about the cluster's state.
 */
function englishWriteVerb(question: string): string | undefined {
  let text = question.replace(TOPIC_HEADING, "");
  for (const [phrase, verb] of PHRASAL_WRITES) text = text.replace(phrase, verb);
  let howTo: string | undefined;
  let reads = 0;
  for (const clause of text.split(CLAUSE_BREAK)) {
    const verb = clauseWriteVerb(clause);
    if (verb === undefined) {
      if (READ_CLAUSE.test(clause) || NO_ACTION.test(clause)) reads++;
    } else if (HOW_TO.test(clause)) howTo ??= verb;
    else if (WHETHER_SAFE.test(clause)) reads++;
    else return verb;
  }
  return reads === 0 ? howTo : undefined;
}

// What a person says to make clear nothing should be done: "just explain, don't do it", "(no action, just asking)".
const NO_ACTION =
  /^\s*(?:(?:just|only) (?:explain\w*|asking|curious|wondering|tell(?:ing)? me|checking|looking)|explain(?:ing)?(?: it)? only|(?:explanation|read|reading|look|looking) only|(?:don'?t|do not|dont) (?:do|run|change|touch|apply|execute) (?:it|anything|that|this|them)|no action|no changes?|in general|hypothetically|theoretically|in theory|in principle|只是问问|只是问一下|只问|只看|仅查看|只查看|先?不要执行|先?别执行|先?不要操作|先?别动|只告诉我|告诉我就行|说一下就行)\s*$/;

/**
 * The question without its how-to clauses and no-action remarks ("how do I restart X? just explain. is X's PDB
 * going to block me?" → "is X's PDB going to block me?"), when something else is asked; else as it was.
 */
export function questionWithoutHowTo(text: string): string {
  const sentences = text.split(/(?<=[?？!！.。)）])\s+|[(（]/);
  const kept = sentences.filter((sentence) => {
    const lower = sentence.toLowerCase();
    const parts = lower.split(CLAUSE_BREAK).filter((part) => part.trim() !== "");
    return !parts.every(
      (part) => NO_ACTION.test(part) || (HOW_TO.test(part) && clauseWriteVerb(part) !== undefined),
    );
  });
  if (kept.length === 0 || kept.length === sentences.length) return text;
  // "how would I roll back api-gateway? just tell me the previous version": the object named in the dropped
  // how-to is still what the rest asks about.
  const named = sentences
    .filter((sentence) => !kept.includes(sentence))
    .flatMap((sentence) => sentence.match(/[a-z0-9]+(?:-[a-z0-9]+)+|\broll(?:ing)? ?back\b|回滚/gi) ?? []);
  return [...kept, ...named].join(" ").trim();
}

function clauseWriteVerb(clause: string): string | undefined {
  const kubectlVerb = kubectlWriteVerb(clause);
  if (kubectlVerb) return kubectlVerb;
  // `delete_pod` is an identifier (a tool or function name), not the verb.
  const matches = [...clause.matchAll(/[a-z][a-z0-9'_-]*/g)];
  const words = matches.map((match) => match[0]);
  let start = 0;
  while (start < words.length && LEAD_IN.has(words[start])) start++;
  // "please delete_pod x": an identifier that leads the clause is still the command.
  if (words[start]?.includes("_")) words[start] = words[start].split("_")[0];
  for (let i = 0; i < words.length; i++) {
    // "would you mind deleting pod x": a gerund after "mind" is the request itself.
    const afterMind = words[i - 1] === "mind" && i - 1 === start;
    if (afterMind) words[i] = baseOfGerund(words[i]);
    words[i] = withoutRePrefix(words[i]);
    const before = clause.slice(0, matches[i].index ?? 0);
    if (NEGATED_BEFORE.test(before) || CHINESE_SUPPOSED_BEFORE.test(before) || SUPPOSED_BEFORE.test(before))
      continue;
    // "谁的 restart 最多", "有哪些 taint": after 的 or a question word an English verb is a noun.
    if (/(?:的|哪些|哪个|什么|几个|多少|有没有)\s*$/.test(before)) continue;
    // "最近谁 scale 了 api", "有人 deploy 过吗": who did it, asked in Chinese.
    if (/(?:谁|有人|有没有人|什么时候|何时|是否)\s*$/.test(before)) continue;
    if (words[i] === "make" && (i === start || words[i - 1] === "to") && makesItDo(words, i)) return "change";
    if (!WRITE_VERBS.has(words[i]) || READ_AFTER.has(words[i + 1] ?? "")) continue;
    if (isStateOfChange(words, i)) continue;
    if (words[i] === "run" && words[i + 1] === "kubectl") continue;
    const afterTo =
      words[i - 1] === "to" &&
      !STATE_BEFORE_TO.has(words[i - 2] ?? "") &&
      !isPrediction(words, i) &&
      !isReportedRequest(words, i, start);
    const after = clause.slice((matches[i].index ?? 0) + matches[i][0].length);
    const imperative =
      i === start ||
      afterTo ||
      afterMind ||
      (words[i - 1] === "and" && i > start) ||
      requestedInChinese(clause, before, after) ||
      // "checkout scale to 0": shorthand with the object first, when nothing in the clause asks a question.
      (i === start + 1 && /^\s*to\s+\d+\b/.test(after) && !READ_CLAUSE.test(clause));
    if (imperative && isWriteUse(words, i) && !isChineseNounUse(words[i], after))
      return words[i] === "roll" ? "roll back" : words[i];
  }
  return undefined;
}

/**
 * An English verb in a Chinese request: after 帮我, 请 or the 把 construction (把 x scale 到 0), or with a result
 * after it wherever its object stands (x scale 到 0, suspend 掉). A question about it (谁把 x scale 到 0 了,
 * x scale 到 0 了吗) is a read unless it asks for help (能不能帮我 … 吗).
 */
function requestedInChinese(clause: string, before: string, after: string): boolean {
  if (!CHINESE_LEAD_IN.test(before) && !CHINESE_RESULT_AFTER.test(after)) return false;
  if (CHINESE_ASKS_HELP.test(clause)) return true;
  return !CHINESE_READ_CONTEXT.test(clause) && !CHINESE_QUESTION_END.test(clause);
}
const CHINESE_ASKS_HELP = /帮我|帮忙|麻烦|请|能不能|可不可以|可以/;

/** "make X use Y": an object (a word or three) and then what it is made to do. */
function makesItDo(words: string[], index: number): boolean {
  if (NOT_AN_OBJECT.has(words[index + 1] ?? "")) return false;
  for (let j = index + 2; j <= index + 5 && j < words.length; j++) {
    if (NOT_AN_OBJECT.has(words[j])) return false;
    if (CAUSED.has(words[j]) || WRITE_VERBS.has(words[j])) return true;
  }
  return false;
}

// "the log tells me to delete pods", "the runbook says to restart it": someone else's words, reported.
const REPORTED_BY = new Set(
  "tells|told|says|said|asks|asked|wants|wanted|suggests|suggested|recommends|recommended|instructs|instructed|claims".split(
    "|",
  ),
);
const REPORTED_TO = new Set(["me", "us", "them", "people", "everyone", "one", "users"]);

/** The verb after "<reporting verb> [me] to", said by something other than the person asking. */
function isReportedRequest(words: string[], index: number, start: number): boolean {
  const object = REPORTED_TO.has(words[index - 2] ?? "") ? 1 : 0;
  const reporter = index - 2 - object;
  if (!REPORTED_BY.has(words[reporter] ?? "")) return false;
  // "I'm telling you to delete it" is the request itself; "the log tells me to" is not.
  return reporter > start && !PERSONS.has(words[reporter - 1] ?? "");
}

/** "rollout stuck?", "upgrade done": the change's noun and its state are the whole of the clause. */
function isStateOfChange(words: string[], index: number): boolean {
  return (
    NOUN_VERBS.has(words[index]) && STATE_OF_CHANGE.has(words[index + 1] ?? "") && index + 2 === words.length
  );
}

/** rerun → run, reapply → apply, relabel → label: doing it again is doing it. */
function withoutRePrefix(word: string): string {
  const base = word.replace(/^re-?/, "");
  return base !== word && base.length > 2 && !WRITE_VERBS.has(word) && WRITE_VERBS.has(base) ? base : word;
}

/**
 * "is the eviction going to kill pods?": "going to" with no person before it (no I, you, we) predicts what the
 * cluster will do; "are you going to delete it", "I'm going to need you to delete it" still ask K8Helper.
 */
function isPrediction(words: string[], index: number): boolean {
  return words[index - 2] === "going" && !words.slice(0, index).some((word) => PERSONS.has(word));
}
const PERSONS = new Set(["i", "i'm", "im", "you", "u", "we", "we're", "me", "us", "k8helper", "bot"]);

/**
 * An English verb inside Chinese: "exec探针", "restart次数" name a thing, and "deploy checkout在shop里" is the
 * Deployment (Chinese deploys with 部署); deploy is a request only with 一下/到/上 after it or its object.
 */
function isChineseNounUse(verb: string, after: string): boolean {
  if (CHINESE_READ_AFTER.test(after) || SUPPOSED_AFTER.test(after)) return true;
  if (verb !== "deploy" || !/[\u4e00-\u9fff]/.test(after)) return false;
  return !/^\s*(?:[a-z0-9./-]+\s*)?(?:一下|到|上|个|了|吧)/.test(after);
}

/** deleting → delete, scaling → scale, stopping → stop; a word that is no write verb's gerund stays as it is. */
function baseOfGerund(word: string): string {
  if (!word.endsWith("ing")) return word;
  const stem = word.slice(0, -3);
  const candidates = [stem, `${stem}e`, stem.slice(0, -1)];
  return candidates.find((candidate) => WRITE_VERBS.has(candidate)) ?? word;
}

// Flags whose value is the next word (`kubectl -n shop delete ...`).
const KUBECTL_VALUE_FLAGS = new Set([
  "-n",
  "--namespace",
  "--context",
  "--cluster",
  "--kubeconfig",
  "-l",
  "--user",
  "-s",
  "--server",
]);

// A run already done: "who ran", "someone executed", "after we applied", "did you run".
const RAN_BEFORE =
  /\b(?:ran|executed|issued|typed|applied|did|used|running|executing)\b(?:\s+(?:the|a|this|that|it))?\s*$|\b(?:who|when|someone|somebody|anyone)\b/;

const REPORTING_VERB =
  /^(?:says|said|shows|showed|shown|reports|reported|returns|returned|prints|printed|gives|gave|outputs|output|lists|listed|complains|complained|tells|told|thinks|claims|claimed|displays|displayed|spits|spat|keeps|is|was|still)$/;

function kubectlWriteVerb(clause: string): string | undefined {
  const words = clause.split(/\s+/);
  const start = words.findIndex((word) => /(^|[^a-z0-9-])(kubectl|oc|k|kc|kubecolor)$/.test(word));
  if (start < 0) return undefined;
  // A short alias ("k", "oc") is kubectl only when a kubectl subcommand follows it.
  const alias = !/kubectl|kubecolor/.test(words[start]!);
  for (let i = start + 1; i < words.length; i++) {
    const word = words[i];
    if (word === "") continue;
    if (word.startsWith("-")) {
      if (KUBECTL_VALUE_FLAGS.has(word)) i++;
      continue;
    }
    if (KUBECTL_READS.has(word)) return undefined;
    // "kubectl says `... ImagePullBackOff`", "kubectl showed": kubectl is who reported it, not a command run.
    if (REPORTING_VERB.test(word)) return undefined;
    if (word === "rollout" && KUBECTL_READ_ROLLOUT.has(words[i + 1] ?? "")) return undefined;
    // "exec进去payments的api-0": the subcommand is the word's leading letters.
    const verb = word.replace(/^[^a-z]+/, "").match(/^[a-z][a-z-]*/)?.[0] ?? "";
    if (alias && !WRITE_VERBS.has(verb) && !KUBECTL_WRITES.has(verb)) return undefined;
    // "what kubectl command should I run", "the kubectl output": no subcommand follows, so kubectl names a thing.
    if (!KUBECTL_WRITES.has(verb) && !WRITE_VERBS.has(verb) && !KUBECTL_OTHER.has(verb)) return undefined;
    // "who ran kubectl set image on x", "after I ran kubectl apply": a command reported as run, not requested.
    if (RAN_BEFORE.test(words.slice(0, start).join(" "))) return undefined;
    return verb || undefined;
  }
  return undefined;
}

/** Verbs that are also nouns or kind names read as a write only with an object after them. */
function isWriteUse(words: string[], index: number): boolean {
  const next = words[index + 1];
  switch (words[index]) {
    case "deploy":
      // "desc deploy checkout 一下", "get deploy x": after a read it is the kind.
      if (
        KUBECTL_READS.has(words[index - 1] ?? "") ||
        words[index - 1] === "desc" ||
        words[index - 1] === "show"
      )
        return false;
      return next !== undefined && !DEPLOY_AS_KIND_BEFORE.has(next);
    case "set":
    case "start":
    case "stop":
    case "change":
    case "update":
    case "run":
    case "label":
    case "copy":
    case "add":
    case "clear":
      return next !== undefined && next !== "in" && next !== "-n" && next !== "for";
    case "shut":
    case "power":
    case "turn":
      return next === "down" || next === "off" || next === "on";
    case "roll":
      return next === "back" || next === "out";
    case "open":
      return next === "a" || next === "shell" || next === "port" || next === "an";
    default:
      return true;
  }
}

function chineseWriteVerb(text: string): string | undefined {
  for (const clause of text.split(/[\n,.;:!?，。；：！？]|然后|接着|再把|并且/)) {
    const deploy = CHINESE_DEPLOY.exec(clause);
    if (deploy) return deploy[0];
    let masked = clause;
    for (const entry of BUILTIN_KINDS)
      for (const name of entry.chinese) masked = masked.split(name).join("□");
    // 把那个一直崩溃的容器组删了: a state inside the object's description (…的) does not make a request a question.
    const stated = REQUEST_LEAD.test(masked) ? masked.replace(STATE_MODIFIER, "") : masked;
    if (CHINESE_READ_CONTEXT.test(stated)) continue;
    if (CHINESE_WHETHER.test(masked) && !REQUEST_LEAD.test(masked)) continue;
    for (const match of masked.matchAll(CHINESE_WRITE)) {
      if (CHINESE_EVENT_BEFORE.test(masked.slice(0, match.index))) continue;
      if (NEGATED_BEFORE.test(masked.slice(0, match.index))) continue;
      if (NOT_HAPPENED_BEFORE.test(masked.slice(0, match.index))) continue;
      if (CHINESE_SUPPOSED_BEFORE.test(masked.slice(0, match.index))) continue;
      const after = masked.slice(match.index + match[0].length);
      const before = masked.slice(0, match.index);
      // "picker 还能再扩容吗", "KubeJobFailed 触发了": a question about it, or what it did; unless someone is asked.
      const askedOf = REQUEST_LEAD.test(before + match[0]);
      if (!askedOf && (/^\s*(?:吗|么|呢)/.test(after) || /^\s*了\s*$/.test(after))) continue;
      // "picker 扩容到上限了吗": whether it has happened (了吗, 了没有), a question about the state.
      if (!askedOf && /了\s*(?:吗|么|没有?)\s*$/.test(after)) continue;
      // "怎么回滚 checkout？先别执行": how it would be done, with nothing to be done now.
      if (CHINESE_HOW_BEFORE.test(before) && CHINESE_NO_ACTION.test(text)) continue;
      if (!CHINESE_READ_AFTER.test(after) && !SUPPOSED_AFTER.test(after)) return match[0];
    }
  }
  return undefined;
}
