import type { ToolCall } from "../../answer.js";
import { shortenedNode } from "../../names/names-in-text.js";
import type { ClusterNames } from "../../ports.js";
import type { ParsedQuestion } from "./reading.js";

// "what would draining demo-worker-2 do", 如果 drain X 会影响哪些 pod: the pods on it and the budgets that guard them.
const DRAIN_WHAT_IF =
  /\b(?:what (?:would|will|happens)|what if|if i|impact|affect\w*|safe to)\b.*\b(?:drain\w*|cordon\w*|evict\w*)|\b(?:drain\w*|cordon\w*)\b.*\b(?:would|impact|affect\w*|happen\w*|do)\b|(?:如果|要是|假如).*(?:drain|cordon|驱逐|排空)|(?:drain|cordon|驱逐|排空).*(?:影响|会怎样|会怎么样)/;
// "can anything still be scheduled on worker-2": the node's taints and conditions say.
const SCHEDULABLE = /\bcan\b.*\bschedul\w*|\b(?:un)?schedulable\b|能调度|可以调度|可调度|能不能调度/;
// "which zone is each worker in": the nodes' topology labels.
const ZONE = /\b(?:zones?|regions?|availability zones?|az)\b|可用区|区域|机房/;
// "can shop pods reach payments-api": the policies that select the destination's pods.
const REACH = /\b(?:reach|access|talk to|connect to|call)\b|访问|连得上|连不上|能连|调用/;
const STORAGE_ASK =
  /\breclaim\b|\bstorage ?class\b|\b(?:disk|volume|storage) (?:size|space|capacity)\b|\bhow (?:big|large) is .+ (?:disk|volume|storage)\b|\bhow much (?:disk|storage)\b|\bpersistent (?:storage|volumes?|disks?)\b|回收策略|存储类|(?:盘|磁盘|卷|存储)(?:有)?多大|存储(?:空间|容量)|持久(?:化)?(?:存储|卷)|持久化(?:到|在)?\s*(?:卷|盘|磁盘|pvc)|\b(?:persisted|persist(?:s|ed|ent|ing)?) (?:to|on|in) (?:a |the )?(?:volume|disk|pvc)\b|\bdata (?:on|in) (?:a |the )?(?:volume|pvc)\b/;
const NODES_SAID = /\b(?:nodes?|workers?|machines?|each|every)\b|节点|機器|机器/;
// demo-worker-1 有多少 cpu 和内存 (what it has), worker-2 的 memory 用了多少 (what it uses).
const CAPACITY =
  /有多少\s*(?:cpu|内存|memory|mem|核|资源|存储|磁盘)|容量|可分配|\bhow much (?:cpu|memory|mem|ram) does \S+ have\b|\bhow (?:big|large) is\b/;
const USAGE = /用|占|\busing\b|\bused\b|\busage\b|\butili[sz]ation\b/;
const INABILITY =
  /拉不下来|拉不了|拉不到|拉取失败|起不来|跑不起来|启动不了|连不上|打不开|\b(?:can'?t|cannot|won'?t|unable to|fails? to|failing to) (?:pull|start|boot|come up|connect|schedule|mount)\b/;
const CONTROL_PLANE = /\bcontrol[- ]?plane\b|\bmaster (?:node)?\b|控制平面|主节点|管理节点/;
const EXPOSED =
  /\bexpos(?:ed|e|ing)\b|\b(?:url|urls|hostname|domain)\b|\bhow (?:do|can) (?:i|we|users|people) (?:reach|access|open)\b|暴露|网址|網址|访问地址|訪問地址|域名|怎么访问|怎麼訪問/;
const PUBLIC_ADDRESS = /\bpublic (?:url|address|endpoint|hostname)\b|对外|外面访问|外部访问|外网访问|从外面/;
const EXTERNAL_ADDRESS =
  /对外|外部\s*(?:ip|地址)|公网|\bexternal[- ]?(?:ip|address)\b|\bpublic (?:ip|address)\b|\bload ?balancer (?:ip|address)\b/;
const SAFE_EVICTION =
  /\b(?:safe(?:ly)?|ok|okay)\b.*\bevict\w*|\bevict\w*\b.*\b(?:safe\w*|ok|okay)\b|(?:能不能|可以|能否)\s*驱逐|驱逐.*(?:安全|没问题|影响)/;
const LAST_STATE =
  /\bexit code\b|\blast (?:state|termination)\b|\bterminat\w+ reason\b|退出码|退出代码|上次退出/;
const VERSION = /\bversions?\b|版本/;
const AUTOSCALER_SAID =
  /\bhpas?\b|\bhorizontal ?pod ?autoscalers?\b|\bautoscalers?\b|自动伸缩|弹性伸缩|水平扩缩|扩缩容策略/;
const WORKLOAD_KINDS = new Set(["deployments", "statefulsets", "daemonsets", "cronjobs", "jobs"]);

/**
 * Questions about a situation rather than one object's record: draining a node, scheduling onto it, where the nodes
 * are, whether traffic may reach a workload, and diagnoses whose kind is a manner of speaking ("服务挂了" is the app,
 * "nodes + workloads" is everything).
 */
export function situationCalls(
  text: string,
  parsed: ParsedQuestion,
  calls: ToolCall[],
  written = text,
): ToolCall[] | undefined {
  // "列出所有 HPA 和当前 CPU 使用率": an autoscaler's row holds its CPU against its target.
  const namesAnObject = [...text.matchAll(/[a-z0-9][a-z0-9.-]*[a-z0-9]/g)].some((match) =>
    parsed.known?.objects.has(match[0]),
  );
  if (AUTOSCALER_SAID.test(text) && !namesAnObject && calls.some((call) => call.tool === "top")) {
    const { namespace, all_namespaces } = calls.find((call) => call.tool === "top")?.args ?? {};
    return [
      {
        tool: "get_resources",
        args: {
          kind: "horizontalpodautoscalers",
          ...(namespace ? { namespace } : {}),
          ...(all_namespaces ? { all_namespaces } : {}),
        },
      },
    ];
  }
  // "对比一下 shop 和 payments，哪个问题更多", "is shop or payments worse": each namespace named, diagnosed.
  const namespaces = namespacesInText(written, parsed);
  const onlyPlaces = calls.every(
    (call) => typeof call.args.name !== "string" || namespaces.includes(call.args.name),
  );
  if (namespaces.length >= 2 && onlyPlaces && calls.some((call) => call.tool === "diagnose"))
    return namespaces.map((namespace) => ({ tool: "diagnose", args: { namespace } }));
  // "what kubernetes version are the nodes on": the nodes' VERSION column (kubelet), not the kubernetes Service.
  if (
    VERSION.test(written) &&
    NODES_SAID.test(written) &&
    /\bkubernetes\b|\bk8s\b|\bkubelet\b|集群/.test(written)
  )
    return [{ tool: "get_resources", args: { kind: "nodes" } }];
  // "envoy sidecar 用的哪个版本": a container's version is its image, not the cluster's.
  const container = VERSION.test(written) ? containerIn(written, parsed) : undefined;
  if (container && calls.every((call) => call.tool === "cluster_overview"))
    return [
      {
        tool: "describe_resource",
        args: { kind: workloadKind(parsed, container.workload), name: container.workload, fields: ["image"] },
      },
    ];
  // "is the control plane node healthy": the one node named for that role.
  const controlPlane = CONTROL_PLANE.test(written) ? controlPlaneNode(parsed) : undefined;
  const node = parsed.nodeName ?? nodeNamed(calls, parsed) ?? nodeInText(text, parsed) ?? controlPlane;
  if (node && DRAIN_WHAT_IF.test(text))
    return [
      {
        tool: "get_resources",
        args: { kind: "pods", all_namespaces: true, field_selector: `spec.nodeName=${node}` },
      },
      { tool: "get_resources", args: { kind: "poddisruptionbudgets", all_namespaces: true } },
    ];
  if (node && SCHEDULABLE.test(text))
    return [{ tool: "describe_resource", args: { kind: "nodes", name: node } }];
  if (node && CAPACITY.test(text) && !USAGE.test(text))
    return [{ tool: "describe_resource", args: { kind: "nodes", name: node, fields: ["resources"] } }];
  if (node && USAGE.test(text) && calls.every((call) => call.tool === "describe_resource"))
    return [{ tool: "top", args: { kind: "nodes" } }];
  const [only] = calls;
  if (
    controlPlane &&
    calls.length === 1 &&
    only.tool !== "top" &&
    only.args.kind === "nodes" &&
    !only.args.name
  )
    // A named node is described; a diagnosis of it stays one.
    return only.tool === "get_resources"
      ? [{ tool: "describe_resource", args: { kind: "nodes", name: controlPlane } }]
      : [{ ...only, args: { ...only.args, name: controlPlane } }];
  // "is the control plane healthy": a diagnosis of that node, not of everything.
  if (controlPlane && calls.length === 1 && only.tool === "diagnose" && !only.args.name && !only.args.kind)
    return [{ tool: "diagnose", args: { kind: "nodes", name: controlPlane } }];
  if (calls.length === 0 && ZONE.test(text) && NODES_SAID.test(text))
    return [{ tool: "get_resources", args: { kind: "nodes" } }];
  const reaching = REACH.test(text) ? calls.find((call) => isWorkload(parsed, call.args.name)) : undefined;
  if (reaching && calls.every((call) => call.tool === "get_resources"))
    return [{ tool: "get_resources", args: { kind: "networkpolicies", name: reaching.args.name } }];
  const accountOf = calls.some((call) => call.args.kind === "serviceaccounts" && !call.args.name)
    ? calls.find((call) => isWorkload(parsed, call.args.name))?.args.name
    : undefined;
  if (accountOf)
    return [{ tool: "describe_resource", args: { kind: workloadKind(parsed, accountOf), name: accountOf } }];
  // "商城的对外域名是什么", "what's the public url of the shop": how users reach a namespace is its Ingresses.
  const unnamed = calls.every(
    (call) => typeof call.args.name !== "string" || parsed.known?.namespaces.has(call.args.name),
  );
  if (unnamed && (EXPOSED.test(text) || PUBLIC_ADDRESS.test(text)) && !/\bports?\b|端口/.test(text)) {
    const namespace =
      parsed.namespace ?? calls.map((call) => call.args.namespace).find((value) => typeof value === "string");
    return [
      {
        tool: "get_resources",
        args: {
          kind: "ingresses",
          ...(typeof namespace === "string" ? { namespace } : { all_namespaces: true }),
        },
      },
    ];
  }
  if (calls.length !== 1) return undefined;
  const [call] = calls;
  const { kind, name } = call.args;
  if (
    ZONE.test(text) &&
    !name &&
    !call.args.label_selector &&
    (call.tool === "diagnose" || (call.tool === "get_resources" && kind === "nodes"))
  )
    return [{ tool: "get_resources", args: { kind: "nodes" } }];
  // "grafana 是怎么暴露出去的", "grafana 的網址": how it is reached from outside is its Service and the Ingresses.
  if (
    EXPOSED.test(text) &&
    !/\bports?\b|端口/.test(text) &&
    typeof name === "string" &&
    call.tool !== "get_pod_logs"
  )
    return [
      { tool: "describe_resource", args: { kind: "services", name, fields: ["ip", "ports"] } },
      { tool: "get_resources", args: { kind: "ingresses", all_namespaces: true } },
    ];
  // "frontend 的对外 IP": an address from outside is the Service's EXTERNAL-IP.
  if (EXTERNAL_ADDRESS.test(text) && typeof name === "string" && kind !== "services")
    return [{ tool: "describe_resource", args: { kind: "services", name, fields: ["ip"] } }];
  // "can I safely evict a checkout pod": the disruption budget guarding it says.
  if (SAFE_EVICTION.test(written) && typeof name === "string" && isWorkloadOrItsPods(parsed, name))
    return [{ tool: "get_resources", args: { kind: "poddisruptionbudgets", all_namespaces: true } }];
  // "exit code of the last checkout termination": a pod's last state, in its description.
  if (
    LAST_STATE.test(written) &&
    typeof name === "string" &&
    call.tool === "get_resources" &&
    kind === "pods"
  )
    return [{ tool: "describe_resource", args: { kind: "pods", name } }];
  // "catalog 拉不下来镜像？": what someone cannot do with an object is why it fails, not its attribute.
  if (
    INABILITY.test(text) &&
    typeof name === "string" &&
    (call.tool === "describe_resource" || call.tool === "get_resources")
  )
    return [
      {
        tool: "diagnose",
        args: { name, ...(call.args.namespace ? { namespace: call.args.namespace } : {}) },
      },
    ];
  const workload = isWorkload(parsed, name);
  // "what service account does api-gateway use": the account is a line of the workload's description.
  if (workload && call.tool === "get_resources" && kind === "serviceaccounts")
    return [{ tool: "describe_resource", args: { kind: workloadKind(parsed, name), name } }];
  // "checkout 跑在哪几个节点上": the nodes a workload runs on are its pods' NODE column.
  if (workload && call.tool === "get_resources" && kind === "nodes")
    return [{ tool: "get_resources", args: { kind: "pods", name } }];
  if (
    call.tool === "diagnose" &&
    !name &&
    (kind === "services" || (kind === "nodes" && /\bworkloads?\b|工作负载/.test(text)))
  ) {
    const { kind: _kind, ...args } = call.args;
    return [{ tool: "diagnose", args }];
  }
  return undefined;
}

function workloadKind(parsed: ParsedQuestion, name: unknown): string | undefined {
  return typeof name === "string"
    ? parsed.known?.objects.get(name)?.find((kind) => WORKLOAD_KINDS.has(kind))
    : undefined;
}

function isWorkloadOrItsPods(parsed: ParsedQuestion, name: string): boolean {
  return isWorkload(parsed, name) || isWorkload(parsed, name.replace(/-[a-z0-9]+-[a-z0-9]{5}$/, ""));
}

function isWorkload(parsed: ParsedQuestion, name: unknown): boolean {
  return (
    typeof name === "string" &&
    parsed.known?.objects.get(name)?.some((kind) => WORKLOAD_KINDS.has(kind)) === true
  );
}

/**
 * "reclaim policy of the postgres pv", prometheus 的盘多大: a workload's volumes are its pods' claims, each with its
 * volume's reclaim policy (get-resources.ts answers a workload's name under persistentvolumes with them).
 */
export function storageQuestionCall(text: string, names: ClusterNames | undefined): ToolCall | undefined {
  const lower = text.toLowerCase();
  const asked = STORAGE_ASK.exec(lower)?.[0];
  // "pods -n storageclass": a storage word the cluster uses as a name is that name.
  if (!names || !asked || isClusterName(names, asked.replace(/\s+/g, ""))) return undefined;
  const workload = [...lower.matchAll(/[a-z0-9][a-z0-9.-]*[a-z0-9]/g)]
    .map((match) => match[0])
    .find((word) => names.objects.get(word)?.some((kind) => WORKLOAD_KINDS.has(kind)));
  return workload
    ? { tool: "get_resources", args: { kind: "persistentvolumes", name: workload } }
    : undefined;
}

function isClusterName(names: ClusterNames, word: string): boolean {
  return names.namespaces.has(word) || names.nodes.has(word) || names.objects.has(word);
}

function namespacesInText(text: string, parsed: ParsedQuestion): string[] {
  const said = [...text.matchAll(/[a-z0-9][a-z0-9-]*[a-z0-9]/g)].map((match) => match[0]);
  return [...new Set(said.filter((word) => parsed.known?.namespaces.has(word)))];
}

/** A container the cluster's workloads run, named in the question, with the one workload that runs it. */
function containerIn(text: string, parsed: ParsedQuestion): { name: string; workload: string } | undefined {
  for (const match of text.matchAll(/[a-z0-9][a-z0-9-]*[a-z0-9]/g)) {
    const workloads = parsed.known?.containers?.get(match[0]);
    if (workloads?.length === 1) return { name: match[0], workload: workloads[0] };
  }
  return undefined;
}

function controlPlaneNode(parsed: ParsedQuestion): string | undefined {
  const nodes = [...(parsed.known?.nodes ?? [])].filter((node) => /control-?plane|master/.test(node));
  return nodes.length === 1 ? nodes[0] : undefined;
}

function nodeInText(text: string, parsed: ParsedQuestion): string | undefined {
  const names = parsed.known;
  if (!names) return undefined;
  // "what would draining worker-2 do": a node shortened as engineers do is that node.
  return [...text.matchAll(/[a-z0-9][a-z0-9.-]*[a-z0-9]/g)]
    .map((match) => (names.nodes.has(match[0]) ? match[0] : shortenedNode(names, match[0])))
    .find((node): node is string => node !== undefined);
}

function nodeNamed(calls: ToolCall[], parsed: ParsedQuestion): string | undefined {
  const named = calls.find((call) => call.args.kind === "nodes" && typeof call.args.name === "string")?.args
    .name;
  return typeof named === "string" && parsed.known?.nodes.has(named) ? named : undefined;
}
