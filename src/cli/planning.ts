import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline";
import type { Config } from "../config/config.js";
import { choosesBuiltinPlanner, type LoadConfigOptions, rawEnvironment } from "../config/environment.js";
import type { ToolCall } from "../core/answer.js";
import { errorMessage, isCodedError } from "../core/errors.js";
import { createBuiltinPlanner } from "../core/planner/builtin/index.js";
import type { Plan, PlanContext, Planner } from "../core/ports.js";
import { requireKubeconfig } from "./kubeconfig-lookup.js";

export interface PlanningFlags {
  planner?: string;
  kubeconfig?: string;
  context?: string;
  discovery?: boolean;
}

const DISCOVERY_TIMEOUT_MS = 2_000;

export interface Planning {
  planner: Planner;
  context: PlanContext;
}

/** The planner the flags ask for (builtin needs no configuration) and what discovery adds, quietly. */
export async function preparePlanning(flags: PlanningFlags): Promise<Planning> {
  if (plansOffline(flags)) return { planner: createBuiltinPlanner(), context: { resourceTypes: [] } };
  const { loadConfig } = await import("../config/load-config.js");
  const loadConfigFor = () => loadConfig(settingsFor(flags));
  const config = flags.planner === "builtin" ? quietly(loadConfigFor) : loadConfigFor();
  const name = flags.planner ?? config?.planner ?? "builtin";
  // The LLM SDKs load only for an LLM planner: `plan` with the builtin one starts fast.
  const planner =
    name === "builtin"
      ? createBuiltinPlanner()
      : (await import("../adapters/llm/create-planner.js")).createPlannerForCli(loadConfigFor(), name);
  const context =
    flags.discovery === false || !config ? { resourceTypes: [] } : await discoverQuietly(config);
  return { planner, context };
}

/** Prints a configuration problem (an LLM planner without its keys) as one line and sets exit code 2. */
export async function preparePlanningOrExit(flags: PlanningFlags): Promise<Planning | undefined> {
  try {
    return await preparePlanning(flags);
  } catch (error) {
    const message = errorMessage(error);
    const hint =
      isCodedError(error) && error.code === "config" && flags.planner ? ` (planner ${flags.planner})` : "";
    process.stderr.write(`k8helper: ${message}${hint}\n`);
    process.exitCode = 2;
    return undefined;
  }
}

function settingsFor(flags: PlanningFlags): LoadConfigOptions {
  return {
    defaults: { LOG_LEVEL: "warn" },
    overrides: { KUBECONFIG: flags.kubeconfig, K8HELPER_CONTEXT: flags.context },
  };
}

/**
 * The builtin planner with no cluster to discover reads no setting, so it skips validating the configuration:
 * the schema's zod is most of what `plan` would load. A cluster to discover loads client-node, far more.
 */
function plansOffline(flags: PlanningFlags): boolean {
  const env = rawEnvironment(settingsFor(flags));
  const builtin = flags.planner ? flags.planner === "builtin" : choosesBuiltinPlanner(env);
  return builtin && (flags.discovery === false || !kubeconfigFound(env.KUBECONFIG?.trim()));
}

function kubeconfigFound(configured: string | undefined): boolean {
  try {
    requireKubeconfig(configured || undefined);
    return true;
  } catch {
    return false;
  }
}

function quietly(load: () => Config): Config | undefined {
  try {
    return load();
  } catch {
    return undefined;
  }
}

/**
 * Custom resources and the names index of the configured cluster; no cluster, a slow one or an error means the
 * built-in kinds only, without names.
 */
async function discoverQuietly(config: Config): Promise<PlanContext> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<PlanContext>((resolve) => {
    timer = setTimeout(() => resolve({ resourceTypes: [] }), DISCOVERY_TIMEOUT_MS);
    timer.unref();
  });
  try {
    requireKubeconfig(config.kube.kubeconfig);
    const { createClusterSet } = await import("../adapters/kubernetes/cluster-set.js");
    const clusters = createClusterSet({
      kubeconfig: config.kube.kubeconfig,
      context: config.kube.context,
      requestTimeoutMs: DISCOVERY_TIMEOUT_MS,
    });
    const cluster = clusters.get();
    const read = async (): Promise<PlanContext> => {
      const { createNamesIndex } = await import("../core/names/names-index.js");
      const resourceTypes = await cluster.resourceTypes();
      const names = await createNamesIndex({ clock: { now: Date.now } }).namesFor(cluster);
      return { resourceTypes, names };
    };
    return await Promise.race([read(), timeout]);
  } catch {
    return { resourceTypes: [] };
  } finally {
    clearTimeout(timer);
  }
}

export async function* readLines(): AsyncGenerator<string> {
  yield* createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
}

type Printed = Pick<Plan, "calls" | "refusal"> & {
  confidence?: number;
  planner?: string;
  error?: string;
  tokens?: Plan["tokens"];
  notes?: string[];
};

export async function planOne(planning: Planning, text: string): Promise<Printed> {
  try {
    const question = {
      text,
      user: "cli",
      frontend: "cli" as const,
      scope: {},
      requestId: randomBytes(4).toString("hex"),
    };
    return await planning.planner.plan(question, planning.context);
  } catch (error) {
    return { calls: [], refusal: null, error: errorMessage(error) };
  }
}

/** TOOLS.md's shape, exactly: {query, calls, refusal} (plus error when the planner failed). */
export function planJson(query: string, printed: Printed): Record<string, unknown> {
  const json: Record<string, unknown> = { query, calls: printed.calls, refusal: printed.refusal };
  if (printed.error) json.error = printed.error;
  return json;
}

export function planText(query: string, printed: Printed): string {
  const lines = [query];
  if (printed.error) lines.push(`  error: ${printed.error}`);
  else if (printed.refusal) lines.push(`  refused: ${printed.refusal}`);
  else if (printed.calls.length === 0) lines.push("  no calls: the planner did not understand the question");
  for (const call of printed.calls) lines.push(`  → ${formatCall(call)}`);
  if (printed.planner)
    lines.push(`  (${printed.planner}, confidence ${printed.confidence?.toFixed(2) ?? "-"})`);
  // An LLM plan: one round trip and its tokens; a fallback says why.
  if (printed.tokens) lines.push(`  (LLM: 1 round trip, ${printed.tokens.in}+${printed.tokens.out} tokens)`);
  for (const note of printed.notes ?? []) lines.push(`  note: ${note}`);
  return lines.join("\n");
}

export function formatCall(call: ToolCall): string {
  const args = Object.entries(call.args).map(
    ([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`,
  );
  return [call.tool, ...args].join(" ");
}
