import type { Answer } from "../answer.js";
import { errorMessage } from "../errors.js";
import type {
  Agent,
  AnswerObserver,
  Clock,
  Cluster,
  CronRuns,
  ExecutedCall,
  Logger,
  Plan,
  YamlWriter,
} from "../ports.js";
import type { Language, Question } from "../question.js";
import { summariseCalls } from "../summary/summarise.js";
import type { ToolDefinition } from "../tools/define-tool.js";
import { answerNamespace, blankAnswer, collectExecuted, refusedAnswer } from "./answer-builders.js";
import type { AnswerHooks } from "./answer-service.js";
import { type AnswerCaching, reusedAnswer } from "./caching.js";
import { checkCall, executeWithProgress, isCheckedCall } from "./execute-calls.js";

export interface PlanRunnerDeps {
  tools: readonly ToolDefinition[];
  caching: AnswerCaching;
  clock: Clock;
  logger: Logger;
  toYaml: YamlWriter;
  /** CronJob schedules for diagnose (an adapter); without it CronJobs are checked for runs, not missed ones. */
  cronRuns?: CronRuns;
  observers: AnswerObserver[];
  settings: { toolTimeoutMs: number; defaultNamespace?: string };
}

export interface PlanRun {
  question: Question;
  language: Language;
  cluster: Cluster;
  plan: Plan;
  started: number;
  planningMs: number;
  hooks: AnswerHooks;
  /** Writes the summary instead of the offline summariser (hybrid mode with LLM summaries). */
  summariser?: Agent;
}

/** Runs a finished plan: checks every call, answers from the cache or runs the calls once, and summarises. */
export function createPlanRunner(deps: PlanRunnerDeps) {
  return async function runPlan(run: PlanRun): Promise<Answer> {
    const { question, language, cluster, plan } = run;
    const frame = {
      ...blankAnswer(question, language, cluster.name, deps.clock),
      planner: plan.planner,
      model: plan.model,
    };
    if (plan.refusal) return finished(refusedAnswer(frame, plan.refusal, plan.planner), run);
    if (plan.calls.length === 0) return finished({ ...frame, summary: notUnderstood(language) }, run);

    const checked = plan.calls.map((call) => checkCall(call, { scope: question.scope, tools: deps.tools }));
    const runnable = checked.filter(isCheckedCall).map((entry) => entry.call);
    const key = `${deps.caching.answerKey(cluster.name, question.scope, runnable)}:${language}`;
    // A plan with a rejected call is never stored (its answer reports the rejection), so it is not looked up either.
    const cacheable = runnable.length === checked.length;
    const hit = question.fresh || !cacheable ? undefined : await deps.caching.getAnswer(key);
    for (const observer of deps.observers) observer.cacheLookup?.("answer", hit !== undefined);
    const reusedTimings = () => ({
      totalMs: deps.clock.now() - run.started,
      planningMs: run.planningMs,
      clusterMs: 0,
      llmMs: plan.llmMs ?? 0,
    });
    if (hit) return reusedAnswer(hit, question, reusedTimings());

    const once = await deps.caching.answerOnce(key, { fresh: question.fresh }, async () => {
      const clusterStarted = deps.clock.now();
      const context = { ...deps, cluster, scope: question.scope };
      const executed = await executeWithProgress(runnable, context, language, run.hooks);
      const clusterMs = deps.clock.now() - clusterStarted;
      const inOrder = mergeInOrder(checked, executed);
      const { parts, calls, notes } = collectExecuted(inOrder);
      const summary = await summarise(run, inOrder);
      const answer: Answer = {
        ...frame,
        summary: summary.text,
        parts,
        calls,
        notes: [...(plan.notes ?? []), ...notes, ...summary.notes],
        namespace: answerNamespace(calls),
        tokens: addTokens(plan.tokens, summary.tokens),
        model: summary.model ?? plan.model,
        timings: {
          totalMs: deps.clock.now() - run.started,
          planningMs: run.planningMs,
          clusterMs,
          llmMs: (plan.llmMs ?? 0) + summary.llmMs,
        },
      };
      return { answer, cacheable: cacheable && calls.length > 0 && calls.every((call) => call.ok) };
    });
    return once.shared ? reusedAnswer(once.answer, question, reusedTimings()) : once.answer;
  };

  function finished(answer: Answer, run: PlanRun): Answer {
    return {
      ...answer,
      timings: { ...answer.timings, planningMs: run.planningMs, totalMs: deps.clock.now() - run.started },
    };
  }

  async function summarise(run: PlanRun, executed: ExecutedCall[]) {
    const offline = {
      text: summariseCalls(run.language, executed, run.question.text),
      notes: [] as string[],
      llmMs: 0,
      tokens: undefined,
      model: undefined,
    };
    if (!run.summariser || executed.every((call) => !call.record.ok)) return offline;
    try {
      const written = await run.summariser.summarise(run.question, executed);
      return {
        text: written.summary || offline.text,
        notes: [],
        llmMs: written.llmMs,
        tokens: written.tokens,
        model: run.summariser.model,
      };
    } catch (error) {
      deps.logger.warn({ requestId: run.question.requestId, err: errorMessage(error) }, "LLM summary failed");
      return offline;
    }
  }
}

/** Failed checks keep their place among the calls that ran. */
function mergeInOrder(checked: ReturnType<typeof checkCall>[], executed: ExecutedCall[]): ExecutedCall[] {
  let next = 0;
  return checked.map((entry) =>
    isCheckedCall(entry) ? executed[next++]! : { record: entry, parts: [], notes: [] },
  );
}

function addTokens(a?: { in: number; out: number }, b?: { in: number; out: number }) {
  if (!a && !b) return undefined;
  return { in: (a?.in ?? 0) + (b?.in ?? 0), out: (a?.out ?? 0) + (b?.out ?? 0) };
}

function notUnderstood(language: Language): string {
  return language === "zh"
    ? "我没看懂要查看什么。可以这样问：“查看kube-system命名空间中的服务”、“shop命名空间有什么问题吗？”、“哪个节点的内存使用最高？”"
    : 'I could not tell what to look at. Try: "pods in kube-system", "what\'s wrong in namespace shop?", "which nodes use the most cpu?"';
}
