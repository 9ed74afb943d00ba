import type { Answer } from "../answer.js";
import { questionWithinDeploymentScope } from "../deployment-scope.js";
import { CodedError, errorMessage, isCodedError } from "../errors.js";
import { detectLanguage } from "../language.js";
import { createNamesIndex } from "../names/names-index.js";
import { llmFallbackNote } from "../planner/hybrid.js";
import { PLANNER_MODES, type PlannerMode } from "../planner/modes.js";
import { checkQuestionPolicy } from "../policy.js";
import type {
  Agent,
  AnswerObserver,
  Cache,
  Clock,
  Cluster,
  ClusterSet,
  CronRuns,
  Logger,
  Plan,
  Planner,
  ResourceType,
  YamlWriter,
} from "../ports.js";
import type { Language, Question, Scope } from "../question.js";
import { planningProgress } from "../summary/progress.js";
import { toolCatalogue } from "../tools/catalogue.js";
import type { ToolDefinition } from "../tools/define-tool.js";
import { answerFromAgent, blankAnswer, errorAnswer, refusedAnswer } from "./answer-builders.js";
import type { AnswerHooks, AnswerService } from "./answer-service.js";
import { capAnswerSize, DEFAULT_MAX_ANSWER_BYTES } from "./answer-size.js";
import { discoveryFingerprint } from "./cache-keys.js";
import { createAnswerCaching, replayableCalls } from "./caching.js";
import { checkQuestionText } from "./check-input.js";
import { executeWithProgress } from "./execute-calls.js";
import { createPlanRunner } from "./run-plan.js";

export interface PipelineSettings {
  toolTimeoutMs: number;
  planTtlSeconds: number;
  answerTtlSeconds: number;
  /** In hybrid mode, let the LLM write the summary of a plan the offline planner made. */
  llmSummary: boolean;
  /** Below this offline-planner confidence, hybrid mode asks the LLM to plan. */
  hybridThreshold: number;
  /** The deployment's default namespace; unset, questions that name none cover the whole scope. */
  defaultNamespace?: string;
  /** The deployment's namespaces (K8HELPER_SCOPE_NAMESPACES); unset, every namespace the RBAC allows. */
  scopeNamespaces?: readonly string[];
  /** With scopeNamespaces unset, the channels file's `default` entry bounds callers without a channel (REST, MCP, CLI). */
  callerDefaultScope?: Scope;
  /** An answer's parts beyond this size are cut with a note (K8HELPER_MAX_ANSWER_BYTES, default 256 KiB). */
  maxAnswerBytes?: number;
}

export interface PipelineDeps {
  clusters: ClusterSet;
  builtin: Planner;
  agent?: Agent;
  mode: PlannerMode;
  cache: Cache;
  clock: Clock;
  logger: Logger;
  /** The manifest tool's YAML writer (src/adapters/format/yaml-writer.ts). */
  toYaml: YamlWriter;
  /** CronJob schedules for diagnose (an adapter); without it CronJobs are checked for runs, not missed ones. */
  cronRuns?: CronRuns;
  observers: AnswerObserver[];
  settings: PipelineSettings;
  tools?: readonly ToolDefinition[];
}

/** The one pipeline: policy → plan (cached) → validate → run (bounded, parallel, cached, single flight) → summarise. */
export function createPipeline(deps: PipelineDeps): AnswerService {
  const tools = deps.tools ?? toolCatalogue;
  const caching = createAnswerCaching(deps.cache, deps.clock, deps.settings);
  const runPlan = createPlanRunner({ ...deps, tools, caching });
  const namesIndex = createNamesIndex({ clock: deps.clock });

  const maxAnswerBytes = deps.settings.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES;
  const notify = (question: Question, full: Answer): Answer => {
    const answer = capAnswerSize(full, maxAnswerBytes);
    for (const observer of deps.observers) {
      try {
        observer.answered(question, answer);
      } catch (error) {
        deps.logger.warn({ err: errorMessage(error) }, "answer observer failed");
      }
    }
    return answer;
  };

  async function answerWithPlanner(
    question: Question,
    language: Language,
    started: number,
    hooks: AnswerHooks,
  ) {
    const text = checkQuestionText(question.text, language);
    const refusal = checkQuestionPolicy(text, language);
    const cluster = deps.clusters.get(question.scope.cluster);
    if (refusal)
      return refusedAnswer(blankAnswer(question, language, cluster.name, deps.clock), refusal, "policy");
    const mode = plannerModeFor(question, deps);
    hooks.onProgress?.(planningProgress(language));
    // The offline planner reads words as names when the cluster has them; an LLM-only mode does not need them.
    const offlineFirst = mode !== "openai" && mode !== "hunyuan";
    const [resourceTypes, names] = await Promise.all([
      resourceTypesOrNone(cluster),
      offlineFirst ? namesIndex.namesFor(cluster) : undefined,
    ]);
    const context = { resourceTypes, names };

    const planStarted = deps.clock.now();
    const offline =
      mode === "openai" || mode === "hunyuan"
        ? undefined
        : await deps.builtin.plan({ ...question, text }, context);
    const summariser = mode === "hybrid" && deps.settings.llmSummary ? deps.agent : undefined;
    if (
      offline &&
      (mode === "builtin" || offline.refusal || offline.confidence >= deps.settings.hybridThreshold)
    ) {
      return runPlan({
        question,
        language,
        cluster,
        plan: offline,
        started,
        planningMs: deps.clock.now() - planStarted,
        hooks,
        summariser,
      });
    }

    const agent = deps.agent!;
    // A follow-up's plan depends on its conversation: the history is part of the key.
    const planKey = caching.planKey({
      questionText: question.history
        ? `${text}
${question.history}`
        : text,
      planner: agent.name,
      model: agent.model,
      cluster: cluster.name,
      scope: question.scope,
      discovery: discoveryFingerprint(context.resourceTypes),
    });
    // Refresh re-reads the cluster, not the LLM: a cached plan is still the right plan.
    const cachedPlan = await caching.getPlan(planKey);
    for (const observer of deps.observers) observer.cacheLookup?.("plan", cachedPlan !== undefined);
    if (cachedPlan) {
      const plan = { ...cachedPlan, tokens: undefined, llmMs: undefined };
      return runPlan({ question, language, cluster, plan, started, planningMs: 0, hooks, summariser });
    }
    try {
      const outcome = await agent.answer({ ...question, text }, context, (calls) => {
        return executeWithProgress(
          calls,
          { ...deps, tools, cluster, scope: question.scope },
          language,
          hooks,
        );
      });
      const plannedCalls = replayableCalls(outcome.calls);
      if (plannedCalls.length > 0 && !outcome.refusal) {
        await caching.putPlan(planKey, {
          calls: plannedCalls,
          refusal: null,
          confidence: 1,
          planner: agent.name,
          model: agent.model,
        });
      }
      return answerFromAgent(blankAnswer(question, language, cluster.name, deps.clock), outcome, agent, {
        started,
        now: deps.clock.now(),
      });
    } catch (error) {
      deps.logger.warn(
        { requestId: question.requestId, err: errorMessage(error) },
        "LLM failed; answering with the offline planner",
      );
      const plan = offline ?? (await deps.builtin.plan({ ...question, text }, context));
      const note = llmFallbackNote(language, error);
      return runPlan({
        question,
        language,
        cluster,
        plan: { ...plan, notes: [note, ...(plan.notes ?? [])] },
        started,
        planningMs: 0,
        hooks,
      });
    }
  }

  const deploymentScope = {
    namespaces: deps.settings.scopeNamespaces,
    callerDefault: deps.settings.callerDefaultScope,
  };
  return {
    tools,
    async answer(asked, hooks = {}) {
      const question = questionWithinDeploymentScope(asked, deploymentScope);
      const started = deps.clock.now();
      const language = detectLanguage(question.text);
      try {
        return notify(question, await answerWithPlanner(question, language, started, hooks));
      } catch (error) {
        return notify(question, failure(question, language, started, error));
      }
    },
    async answerCalls(asked, calls) {
      const question = questionWithinDeploymentScope(asked, deploymentScope);
      const started = deps.clock.now();
      const language = detectLanguage(question.text);
      try {
        const cluster = deps.clusters.get(question.scope.cluster);
        const plan: Plan = { calls, refusal: null, confidence: 1, planner: question.frontend };
        return notify(
          question,
          await runPlan({ question, language, cluster, plan, started, planningMs: 0, hooks: {} }),
        );
      } catch (error) {
        return notify(question, failure(question, language, started, error));
      }
    },
  };

  function failure(question: Question, language: Language, started: number, error: unknown): Answer {
    if (!isCodedError(error))
      deps.logger.error({ requestId: question.requestId, err: errorMessage(error) }, "answer failed");
    const answer = errorAnswer(blankAnswer(question, language, deps.clusters.defaultName, deps.clock), error);
    return { ...answer, timings: { ...answer.timings, totalMs: deps.clock.now() - started } };
  }
}

function plannerModeFor(question: Question, deps: PipelineDeps): PlannerMode {
  const requested = question.planner ?? deps.mode;
  if (!(PLANNER_MODES as readonly string[]).includes(requested)) {
    throw new CodedError(
      "bad_request",
      `Unknown planner "${requested}": use one of ${PLANNER_MODES.join(", ")}.`,
    );
  }
  const mode = requested as PlannerMode;
  if (mode === "builtin") return mode;
  if (!deps.agent)
    throw new CodedError("bad_request", `The ${mode} planner needs an LLM, and none is configured.`);
  if (mode !== "hybrid" && deps.agent.name !== mode) {
    throw new CodedError(
      "bad_request",
      `The ${mode} planner is not configured (the configured LLM is ${deps.agent.name}).`,
    );
  }
  return mode;
}

async function resourceTypesOrNone(cluster: Cluster): Promise<ResourceType[]> {
  try {
    return await cluster.resourceTypes();
  } catch {
    return []; // the planner works from its own lexicon; running the calls reports the cluster error clearly
  }
}
