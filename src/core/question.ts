/** A question as it enters the pipeline, whatever front end it came from. */
export type Frontend = "slack" | "http" | "cli" | "mcp" | "bench" | "alerts";

export type Language = "en" | "zh";

/** Which namespaces a caller may read, and where questions without a namespace go. */
export interface Scope {
  /** Allowed namespaces; `undefined` means every namespace. */
  namespaces?: string[];
  /** The namespace used when the question names none (the channel's, or the configured default). */
  defaultNamespace?: string;
  /** The cluster (kubeconfig context) this caller talks to; `undefined` is the default cluster. */
  cluster?: string;
  /**
   * Whether nodes, CRDs and other cluster-scoped kinds may be read (`visible`, the default). Namespaces and
   * persistent volumes are always cut down to the allowed namespaces instead.
   */
  clusterScopedKinds?: "visible" | "hidden";
}

export interface Question {
  text: string;
  user: string;
  channel?: string;
  frontend: Frontend;
  scope: Scope;
  /** Planner override (`builtin`, `openai`, `hunyuan`, `hybrid`); `undefined` follows the configuration. */
  planner?: string;
  /** Skip the answer cache (the Refresh button). */
  fresh?: boolean;
  /** A short id that appears in logs and in user-facing errors. */
  requestId: string;
  /** Earlier turns of the conversation, summarised (src/core/conversation): context for an LLM planner. */
  history?: string;
}
