/**
 * The ports the core talks through. Adapters in src/adapters implement them; the core imports
 * no adapter, no vendor SDK, no Slack, HTTP or Redis code.
 */
import type { Answer, AnswerPart, CallRecord, ToolCall } from "./answer.js";
import type { Question } from "./question.js";

// ---------- Cluster ----------

/** One API resource type as discovery reports it. */
export interface ResourceType {
  /** Canonical lower-case plural: `pods`, `deployments`, `widgets`. */
  plural: string;
  singular: string;
  /** The Kind: `Pod`, `Deployment`. */
  kind: string;
  shortNames: string[];
  /** API group; "" for core. */
  group: string;
  version: string;
  namespaced: boolean;
  verbs: string[];
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  creationTimestamp?: string;
  ownerReferences?: { kind: string; name: string; controller?: boolean }[];
  managedFields?: unknown[];
  resourceVersion?: string;
  [key: string]: unknown;
}

/** An object as the API server returns it; tools narrow spec/status to the shapes they read. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec?: unknown;
  status?: unknown;
  [key: string]: unknown;
}

export interface ListOptions {
  /** Omit for a cluster-scoped kind or for every namespace. */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /**
   * listTable only: the name asked for. An adapter may answer with just that object's row when it
   * exists, else the whole list as without it (the caller matches prefixes).
   */
  name?: string;
}

export interface TableColumn {
  name: string;
  type: string;
  /** 0 = shown by `kubectl get`; higher only with `-o wide`. */
  priority: number;
}

export interface TableRow {
  cells: unknown[];
  name: string;
  namespace?: string;
}

/** kubectl's columns for a list (the server-side Table form), every page joined. */
export interface ResourceTable {
  columns: TableColumn[];
  rows: TableRow[];
}

export interface PodLogOptions {
  name: string;
  namespace: string;
  container?: string;
  tailLines?: number;
  previous?: boolean;
  sinceSeconds?: number;
  /** The server stops after this many bytes (of the tail, from its start), so a huge log never arrives whole. */
  limitBytes?: number;
}

export interface UsageMetrics {
  name: string;
  namespace?: string;
  /** CPU in millicores, memory in bytes. For pods: the sum over containers. */
  cpuMillicores: number;
  memoryBytes: number;
}

export interface ClusterVersion {
  gitVersion: string;
  platform?: string;
}

/**
 * A Kubernetes cluster, read-only. Methods throw CodedError with code forbidden, not_found,
 * unreachable, timeout, gone or server_error and a message fit for a user.
 */
export interface Cluster {
  readonly name: string;
  /** Discovery: every resource type the server serves (cached by the adapter). */
  resourceTypes(): Promise<ResourceType[]>;
  /** A list in kubectl's columns, paging through every page. */
  listTable(type: ResourceType, options: ListOptions): Promise<ResourceTable>;
  /** A list of full objects, paging through every page. */
  list(type: ResourceType, options: ListOptions): Promise<KubeObject[]>;
  get(type: ResourceType, name: string, namespace?: string): Promise<KubeObject>;
  podLogs(options: PodLogOptions): Promise<string>;
  nodeMetrics(): Promise<UsageMetrics[]>;
  podMetrics(namespace?: string): Promise<UsageMetrics[]>;
  version(): Promise<ClusterVersion>;
}

/** Several clusters (kubeconfig contexts); the pipeline picks one per question. */
export interface ClusterSet {
  readonly defaultName: string;
  names(): string[];
  /** Throws CodedError("bad_request") for an unknown cluster name. */
  get(name?: string): Cluster;
}

// ---------- Planner ----------

export interface PlanContext {
  /** Discovery of the cluster the question is about (custom resources, short names). */
  resourceTypes: ResourceType[];
  /** The names that exist in that cluster, so that a word is a name when the cluster says so (names-index.ts). */
  names?: ClusterNames;
  /** The clock "since 9am" and "today" are read against (the system's when absent), and the user's time zone. */
  clock?: { now(): number; timeZone?: string };
}

/** What the cluster calls its namespaces, nodes and objects (pods are known through their workloads). */
export interface ClusterNames {
  namespaces: ReadonlySet<string>;
  nodes: ReadonlySet<string>;
  /** Object name → the kinds (canonical plurals) of the objects with that name, in any namespace. */
  objects: ReadonlyMap<string, readonly string[]>;
  /**
   * Names known only as objects that help read a question (storage classes, volumes, network policies, custom
   * resources): found when written out, never the target of a typo correction or a shortening.
   */
  exactOnly?: ReadonlySet<string>;
  /**
   * Container name → the workloads whose pod templates run a container so named, where that differs from the
   * workload's own name ("envoy" → frontend): "frontend envoy logs" picks the container, "envoy logs" the workload.
   */
  containers?: ReadonlyMap<string, readonly string[]>;
  /** False when the index was cut short (a very big cluster, a kind it could not read): absence proves nothing. */
  complete: boolean;
}

export interface Plan {
  calls: ToolCall[];
  /** The reason shown to the user when the question is refused, in the user's language. */
  refusal: string | null;
  /** 0..1: how sure the planner is that the calls answer the question (hybrid mode asks the LLM below a threshold). */
  confidence: number;
  planner: string;
  model?: string;
  tokens?: { in: number; out: number };
  llmMs?: number;
  notes?: string[];
}

export interface Planner {
  readonly name: string;
  plan(question: Question, context: PlanContext): Promise<Plan>;
}

/** One call after validation and execution: its record and what it produced (empty when it failed or was refused). */
export interface ExecutedCall {
  record: CallRecord;
  parts: AnswerPart[];
  notes: string[];
}

/**
 * Runs calls for a planner that looks at results before answering (the LLM agent loop). Every call is validated
 * (zod + policy + scope) first; an invalid one comes back with `record.ok === false` and is not run.
 */
export type CallExecutor = (calls: ToolCall[]) => Promise<ExecutedCall[]>;

// ---------- Cache ----------

/** A string key-value store with TTLs. Adapters never throw: a failure is logged, counted and behaves as a miss. */
export interface Cache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Sets only when absent (locks, de-duplication); false when the key exists or the store is down. */
  setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

// ---------- Clock and logger ----------

/** Writes a value as YAML (the manifest tool's output); an adapter, so the core needs no YAML library. */
export type YamlWriter = (value: unknown) => string;

/**
 * When a cron schedule was due before a moment, newest first, at most `limit` times; throws on a schedule it
 * cannot read. An adapter: the core has no cron parser of its own.
 */
export type CronRuns = (
  schedule: string,
  timeZone: string | undefined,
  beforeMs: number,
  limit: number,
) => number[];

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface Logger {
  debug(fields: Record<string, unknown>, message?: string): void;
  info(fields: Record<string, unknown>, message?: string): void;
  warn(fields: Record<string, unknown>, message?: string): void;
  error(fields: Record<string, unknown>, message?: string): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

// ---------- Shared limits ----------

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the next request would be allowed (0 when allowed). */
  retryAfterSeconds: number;
  /** The same wait in milliseconds, for callers that pace rather than refuse (Slack sends). */
  retryAfterMs?: number;
}

/** Sliding-window limits, in memory or shared through Redis so replicas behave as one. */
export interface RateLimiter {
  take(key: string, limit: number, windowSeconds: number): Promise<RateDecision>;
}

/** LLM tokens each user may spend per day (UTC), in memory or shared through Redis. A store failure never blocks. */
export interface TokenBudget {
  /** Records tokens a user's question spent (prompt + completion). */
  spend(user: string, tokens: number): Promise<void>;
  /** Tokens the user may still spend today; 0 when the budget is used up. */
  remaining(user: string): Promise<number>;
}

// ---------- LLM agents ----------

/** What an LLM agent loop produced: the calls it ran (already executed through the executor) and its short answer. */
export interface AgentOutcome {
  calls: ExecutedCall[];
  /** The LLM's short answer in the user's language; undefined when it gave none. */
  summary?: string;
  refusal?: string | null;
  rounds: number;
  model: string;
  tokens: { in: number; out: number };
  llmMs: number;
  notes: string[];
  /** True when the loop gave up and the offline planner answered instead. */
  fellBack?: boolean;
}

/** An LLM that plans, reads results and answers, in at most a few rounds. */
export interface Agent {
  readonly name: string;
  readonly model: string;
  answer(question: Question, context: PlanContext, execute: CallExecutor): Promise<AgentOutcome>;
  /** Writes only the short answer from results the offline planner's calls produced (hybrid mode). */
  summarise(
    question: Question,
    calls: ExecutedCall[],
  ): Promise<{ summary: string; tokens: { in: number; out: number }; llmMs: number }>;
}

// ---------- Observation (metrics, audit) ----------

export interface AnswerObserver {
  /** Once per question, after the answer (or refusal, or error answer) is final. */
  answered(question: Question, answer: Answer): void;
  cacheLookup?(which: "plan" | "answer", hit: boolean): void;
}

// ---------- LLM chat (vendor-neutral; adapters in src/adapters/llm) ----------

/** A function the LLM may call: the name, a short description and a JSON Schema for the arguments. */
export interface LlmToolSchema {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/** A call the LLM asked for; `arguments` is the raw JSON text it wrote (it may be malformed). */
export interface LlmToolCall {
  id: string;
  name: string;
  arguments: string;
}

export type LlmMessage =
  | { role: "system"; content: string }
  | { role: "user"; content: string }
  | { role: "assistant"; content?: string; toolCalls?: LlmToolCall[] }
  | { role: "tool"; toolCallId: string; content: string };

export interface LlmRequest {
  messages: LlmMessage[];
  tools: LlmToolSchema[];
  /** "none" asks for a text answer even though tools are listed (the last round). */
  toolChoice?: "auto" | "none";
  signal?: AbortSignal;
}

export interface LlmReply {
  message: { content?: string; toolCalls: LlmToolCall[] };
  /** Set when the model or the vendor's moderation declined to answer. */
  refusal?: string;
  usage: { in: number; out: number };
  model: string;
}

/** One chat-with-tools call. Throws CodedError("llm_error") with a plain message on timeout, 5xx, 429, auth or a malformed reply. */
export interface Llm {
  /** `openai` or `hunyuan`: which adapter speaks to the endpoint. */
  readonly provider: string;
  readonly model: string;
  chat(request: LlmRequest): Promise<LlmReply>;
}
