import type { ClusterNames } from "../../ports.js";
import { BUILTIN_KINDS } from "./kind-lexicon.js";

/**
 * 网关上次发布改了啥, 仓库命名空间怎么样: people name a service by its role in Chinese. A role word is the object
 * whose name has the English word for that role as one of its parts (api-gateway for 网关), when exactly one
 * namespace or workload the cluster knows has it; otherwise the word stays as it was written.
 */
const ROLE_PARTS: [role: RegExp, parts: string[]][] = [
  [/网关|閘道|网关服务/, ["gateway", "gw"]],
  [
    /数据库|資料庫|数据库服务/,
    ["db", "database", "postgres", "postgresql", "mysql", "mariadb", "mongo", "mongodb"],
  ],
  [/缓存|快取/, ["cache", "redis", "memcached"]],
  [/消息队列|消息隊列|队列/, ["queue", "kafka", "rabbitmq", "nats"]],
  [/监控面板|監控面板|仪表盘|儀表板|看板/, ["grafana", "dashboard", "dashboards", "kibana"]],
  [/监控|監控/, ["monitoring", "prometheus"]],
  [/告警管理/, ["alertmanager"]],
  [/前端/, ["frontend", "web", "ui"]],
  [/后端|後端/, ["backend"]],
  [/支付|付款/, ["payments", "payment", "pay"]],
  [/结账|結帳|结算|下单/, ["checkout"]],
  [/商城|网店|網店|商店/, ["shop", "store", "storefront"]],
  [/购物车|購物車/, ["cart"]],
  [/订单|訂單/, ["orders", "order"]],
  [/库存|庫存/, ["inventory", "stock"]],
  [/仓库|倉庫/, ["warehouse"]],
  [/拣货|揀貨/, ["picker", "picking"]],
  [/推荐|推薦/, ["recommendation", "recommendations", "recommender"]],
  [/商品目录|商品目錄|商品页|商品頁|目录服务/, ["catalog", "catalogue", "products"]],
  [/账本|帳本|记账|記帳/, ["ledger"]],
  [/风控|風控|反欺诈|反欺詐/, ["fraud", "risk"]],
  [/搜索|搜尋/, ["search"]],
  [/认证|認證|鉴权|登录|登入/, ["auth", "login", "identity"]],
  [/备份|備份/, ["backup", "backups"]],
  [/报表|報表/, ["report", "reports", "reporting"]],
  [/迁移|遷移/, ["migrate", "migration"]],
];

export function withRoleWordsNamed(text: string, names: ClusterNames | undefined): string {
  if (!names || !/[\u4e00-\u9fff]/.test(text)) return text;
  // 倉庫(warehouse)命名空間: a known name in brackets is that name, written beside its role.
  let named = text.replace(/[(（]\s*([a-z0-9][a-z0-9-]*)\s*[)）]/gi, (whole, word: string) =>
    names.namespaces.has(word.toLowerCase()) || names.objects.has(word.toLowerCase()) ? ` ${word} ` : whole,
  );
  for (const [role, parts] of ROLE_PARTS) {
    const said = role.exec(named);
    if (!said) continue;
    const target = soleBearer(names, parts);
    // "推荐服务 recommendation": the name is written already.
    if (!target || new RegExp(`(?<![\\w-])${target}(?![\\w-])`).test(named.toLowerCase())) continue;
    named = `${named.slice(0, said.index)} ${target} ${named.slice(said.index + said[0].length)}`;
  }
  return named;
}

/** The one namespace, else the one workload, whose name has one of the parts; undefined when none or several. */
function soleBearer(names: ClusterNames, parts: string[]): string | undefined {
  const hasPart = (name: string) => name.split("-").some((part) => parts.includes(part));
  const namespaces = [...names.namespaces].filter(hasPart);
  if (namespaces.length === 1) return namespaces[0];
  if (namespaces.length > 1) return undefined;
  const workloads = [...names.objects.entries()]
    .filter(([name, kinds]) => hasPart(name) && kinds.some((kind) => WORKLOADS.has(kind)))
    .map(([name]) => name);
  return workloads.length === 1 ? workloads[0] : undefined;
}

const WORKLOADS = new Set(["deployments", "statefulsets", "daemonsets", "cronjobs", "jobs"]);
const KIND_WORDS = new Set(BUILTIN_KINDS.flatMap((entry) => [entry.plural, ...entry.english]));

/**
 * "logs for the failed migration job", "the widgets controller": a word the planner could not place that is a form
 * of a part of exactly one workload's name (migration → db-migrate, controller → widget-controller) is that
 * workload. Only words of five letters or more, and only when one workload fits; with `wholePart`, only a word that is
 * a whole part (or its plural).
 */
export function withWordFormsNamed(
  text: string,
  unexplained: string[],
  names: ClusterNames | undefined,
  { wholePart = false } = {},
): string {
  if (!names) return text;
  let named = text;
  for (const word of unexplained) {
    if (!/^[a-z]{5,}$/.test(word) || names.namespaces.has(word)) continue;
    const stem = word.replace(/(?:ions?|ing|ed|s)$/, "");
    if (stem.length < 6) continue;
    const fits = (part: string) => (wholePart ? part === word || part === stem : part.startsWith(stem));
    const bearers = [...names.objects.entries()]
      .filter(([, kinds]) => kinds.some((kind) => WORKLOADS.has(kind)))
      .map(([name]) => name)
      .filter((name) => name.split("-").some(fits));
    if (bearers.length !== 1 || new RegExp(`(?<![\\w-])${bearers[0]}(?![\\w-])`).test(named)) continue;
    // "the ingress controller" names a controller of ingresses, not widget-controller.
    const before = new RegExp(`([a-z]+)\\s+${word}(?![\\w-])`, "i").exec(named)?.[1]?.toLowerCase();
    if (before && KIND_WORDS.has(before) && !bearers[0].split("-").includes(before)) continue;
    named = named.replace(new RegExp(`(?<![\\w-])${word}(?![\\w-])`, "i"), bearers[0]);
  }
  return named;
}
