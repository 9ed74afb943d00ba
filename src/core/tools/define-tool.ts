import type { z } from "zod";
import type { AnswerPart } from "../answer.js";
import type { Clock, Cluster, CronRuns, YamlWriter } from "../ports.js";
import type { Scope } from "../question.js";
import { redactOutput } from "./redact-output.js";

/** An RBAC rule a tool needs, in ClusterRole form. Only read verbs exist here by construction. */
export interface RbacRule {
  apiGroups?: string[];
  resources?: string[];
  nonResourceURLs?: string[];
  verbs: ("get" | "list" | "watch")[];
}

export interface ToolContext {
  cluster: Cluster;
  scope: Scope;
  /** The namespace for a call that names none, when one is configured; unset, the call covers the whole scope. */
  defaultNamespace?: string;
  redact: (text: string) => string;
  toYaml: YamlWriter;
  /** When CronJob schedules were due (diagnose's missed runs). */
  cronRuns?: CronRuns;
  signal?: AbortSignal;
  /** For ages ("5m ago") and time windows; the system clock when absent. */
  clock?: Clock;
}

export interface ToolOutput {
  parts: AnswerPart[];
  /** Plain facts for the summary (counts, not-ready names, resolved names). */
  facts: Record<string, unknown>;
  notes?: string[];
}

export interface ToolDefinition<Args extends z.ZodObject = z.ZodObject> {
  name: string;
  /** One or two short sentences: the LLM reads them, so every word costs tokens. */
  description: string;
  args: Args;
  needs: RbacRule[];
  run(context: ToolContext, args: z.infer<Args>): Promise<ToolOutput>;
}

/** A tool whose every output (parts, facts, notes) passes through the context's redactor, whatever the tool did. */
export function defineTool<Args extends z.ZodObject>(definition: ToolDefinition<Args>): ToolDefinition<Args> {
  return {
    ...definition,
    async run(context, args) {
      return redactOutput(await definition.run(context, args), context.redact);
    },
  };
}
