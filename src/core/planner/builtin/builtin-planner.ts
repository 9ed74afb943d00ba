import type { ToolCall } from "../../answer.js";
import { namespaceProblem } from "../../kube-names.js";
import { detectLanguage } from "../../language.js";
import { checkQuestionPolicy, questionWithoutHowTo } from "../../policy.js";
import type { ClusterNames, Plan, PlanContext, Planner, ResourceType } from "../../ports.js";
import type { Question } from "../../question.js";
import { workloadQuestionForSecrets } from "../../question-filter/secret-ask.js";
import { withShellAliasesSpelled } from "../../question-filter/shell-aliases.js";
import { withAlertRead } from "./alert-text.js";
import { withoutAsides } from "./asides.js";
import { serviceMeansWorkload } from "./attribute-calls.js";
import { withoutExcludedObject } from "./besides.js";
import { buildCalls } from "./build-calls.js";
import { chooseIntents } from "./choose-intents.js";
import { resolveClockPhrases } from "./clock-phrases.js";
import { dnsQuestionCalls } from "./dns-question.js";
import { withEventMessageRead } from "./event-messages.js";
import { NOT_UNDERSTOOD, withJoinedNamespaces } from "./joined-namespaces.js";
import { withJoinedObjects } from "./joined-objects.js";
import { kindsFromCluster } from "./kind-from-cluster.js";
import { createKindLexicon, type KindLexicon } from "./kind-lexicon.js";
import { MAX_DESCRIBED, namesOfKind } from "./kind-members.js";
import { COMPLETED_NAME_CONFIDENCE, completeCallNames } from "./name-completion.js";
import { withNamespaceForName } from "./namespace-as-name.js";
import { withNamedNodesUsage } from "./node-usage.js";
import { parseQuestion } from "./parse-question.js";
import { withPastedOutputRead } from "./pasted-output.js";
import { withQuotedLineRead } from "./quoted-line.js";
import type { ParsedQuestion } from "./reading.js";
import { hostCall, referenceCalls } from "./reference-question.js";
import { refineCalls } from "./refine-calls.js";
import { withRoleWordsNamed, withWordFormsNamed } from "./role-words.js";
import { storageQuestionCall } from "./situation-calls.js";
import { type PartPlan, planInParts } from "./split-clauses.js";
import { withKnownNameForUnknown } from "./unknown-name.js";
import { diagnoseDoubtfulRead, diagnoseWhatIsMentioned } from "./vague-question.js";

const PLANNER_NAME = "builtin";
const MAX_CALLS = 8;

/** The offline bilingual planner: no network, no LLM; a confidence tells hybrid mode when to ask one. */
export function createBuiltinPlanner(): Planner {
  // Discovery returns a fresh array per question: rebuild the lexicon only when the kinds themselves change.
  let cached: { signature: string; lexicon: KindLexicon } | undefined;
  const lexiconFor = (types: readonly ResourceType[]): KindLexicon => {
    const signature = types
      .map((type) => `${type.plural}.${type.group}:${type.shortNames?.join("+") ?? ""}`)
      .join(",");
    if (cached?.signature !== signature) cached = { signature, lexicon: createKindLexicon(types) };
    return cached.lexicon;
  };
  return {
    name: PLANNER_NAME,
    async plan(question: Question, context: PlanContext): Promise<Plan> {
      const text = resolveClockPhrases(question.text, context.clock ?? { now: () => Date.now() });
      return planQuestion(text, lexiconFor(context.resourceTypes ?? []), context.names);
    },
  };
}

// The words a plan's note names as not understood (and word forms may still place).
const NOTED_WORDS = 5;

/** Plans one question synchronously (the planner above, benchmarks and tests). */
export function planQuestion(
  text: string,
  lexicon: KindLexicon,
  names?: ClusterNames,
  secretsRead = false,
): Plan {
  // The Secret-words-stripped question was checked as it was asked.
  const refusal = secretsRead ? null : checkQuestionPolicy(text, detectLanguage(text));
  if (refusal) return { calls: [], refusal, confidence: 1, planner: PLANNER_NAME };
  const spelled = secretsRead
    ? text
    : withNamespaceSlashes(
        withRoleWordsNamed(withPastedOutputRead(withAlertRead(withShellAliasesSpelled(text), names)), names),
        names,
      );
  if (spelled !== text) return planQuestion(spelled, lexicon, names, secretsRead);
  const single = secretsRead ? undefined : (storageQuestionCall(text, names) ?? hostCall(text, names));
  const reference = secretsRead
    ? undefined
    : (dnsQuestionCalls(text, names) ?? referenceCalls(text, names) ?? (single && [single]));
  if (reference)
    return withQuotedLineRead(
      { calls: reference, refusal: null, confidence: 0.85, planner: PLANNER_NAME },
      text,
      names,
    );
  const aboutSecrets = secretsRead ? undefined : workloadQuestionForSecrets(text);
  if (aboutSecrets !== undefined)
    return describeWorkloads(planQuestion(aboutSecrets, lexicon, names, true), names);
  const asked = withoutAsides(questionWithoutHowTo(text));
  if (asked !== text) return planQuestion(asked, lexicon, names);
  const request = planRequest(text, lexicon, names);
  const formed = secretsRead
    ? text
    : withWordFormsNamed(
        withWordFormsNamed(text, unplacedWords(text, request.plan, names), names),
        unreadWords(request, names),
        names,
        { wholePart: true },
      );
  if (formed !== text) return planQuestion(formed, lexicon, names, secretsRead);
  const whole = request.plan;
  // A part may itself hold several requests ("pods in kafka, services in monitoring and events in prod").
  const planPart = (part: string): PartPlan => {
    const single = planRequest(part, lexicon, names);
    const split = planInParts(part, single.plan, planPart, lexicon);
    return split ? { ...split, asked: single.asked } : single;
  };
  const { plan, guessed } = planInParts(text, whole, planPart, lexicon) ?? request;
  if (plan.calls.length === 0 && !plan.refusal)
    return withEventMessageRead(
      withJoinedNamespaces(diagnoseWhatIsMentioned(text, names, plan, request.asked), text, names),
      text,
      names,
    );
  const joined = withJoinedObjects(withJoinedNamespaces(plan, text, names), text, names);
  const guessedPlan = withNamespaceForName(withPodSuffix(withGuesses(joined, guessed), text), names);
  // A question about a workload's Secrets is answered from its description, never a diagnosis.
  return secretsRead
    ? guessedPlan
    : withNamedNodesUsage(
        withoutExcludedObject(
          withQuotedLineRead(
            withKnownNameForUnknown(
              withEventMessageRead(diagnoseDoubtfulRead(text, guessedPlan), text, names),
              text,
              names,
            ),
            text,
            names,
          ),
          text,
        ),
        text,
      );
}

/**
 * "edge/api", "payments/ledger": kubectl's namespace/name, when the first part is a namespace the cluster has (a
 * kind's "deploy/api" is read by the grammar).
 */
function withNamespaceSlashes(text: string, names: ClusterNames | undefined): string {
  if (!names) return text;
  return text.replace(
    /(?<![\w./-])([a-z0-9][a-z0-9-]*)\/([a-z0-9][a-z0-9.-]*[a-z0-9])(?![\w/-])/g,
    (whole, namespace: string, name: string) =>
      names.namespaces.has(namespace) ? ` ${name} in namespace ${namespace} ` : whole,
  );
}

/**
 * The words the planner could not place: names it used that the cluster does not have, and, when it read nothing
 * at all, every word of the question.
 */
function unplacedWords(text: string, plan: Plan, names: ClusterNames | undefined): string[] {
  const unknown = plan.calls
    .map((call) => call.args.name)
    .filter(
      (name): name is string =>
        typeof name === "string" && names?.complete === true && !isKnownName(names, name),
    );
  // A question that names a namespace is about it: its other words are not guessed into a workload's name.
  const place = text
    .toLowerCase()
    .match(/[a-z0-9-]+/g)
    ?.some((word) => names?.namespaces.has(word));
  const all = plan.calls.length === 0 && !place ? (text.toLowerCase().match(/[a-z]+/g) ?? []) : [];
  return [...new Set([...unknown, ...all])];
}

/**
 * "memory limit on the gateway in edge": the words a plan left unread while none of its calls names an object. Only
 * a whole name part counts for these ("control" of "control plane" is no part of widget-controller).
 */
function unreadWords({ plan, unread }: PartPlan, names: ClusterNames | undefined): string[] {
  // A name in a call is what the question is about (a pod's random end, 9n57q, too), unless it is a namespace's.
  const namesObject = plan.calls.some(
    (call) => typeof call.args.name === "string" && !names?.namespaces.has(call.args.name),
  );
  return namesObject ? [] : (unread ?? []);
}

function isKnownName(names: ClusterNames, name: string): boolean {
  if (names.namespaces.has(name) || names.nodes.has(name)) return true;
  return [...names.objects.keys()].some((known) => known.startsWith(name));
}

/** A plan holding names completed from the cluster's names says so and goes below the hybrid threshold. */
function withGuesses(plan: Plan, guessed: readonly string[]): Plan {
  if (guessed.length === 0) return plan;
  return {
    ...plan,
    confidence: Math.min(plan.confidence, COMPLETED_NAME_CONFIDENCE),
    notes: [...(plan.notes ?? []), `Read as shortened names: ${guessed.join(", ")}`],
  };
}

/** 结账服务用了哪些密钥: a Service references no Secret, the workload of the same name does. */
function withWorkloadKind(
  args: Record<string, unknown>,
  names: ClusterNames | undefined,
): Record<string, unknown> {
  const kinds = typeof args.name === "string" ? (names?.objects.get(args.name) ?? []) : [];
  if (typeof args.kind !== "string" || !serviceMeansWorkload(args.kind, kinds, ["env"])) return args;
  return { ...args, kind: kinds.find((kind) => kind !== "services") };
}

/**
 * The Secrets a workload uses are named in its description (never read from the Secret itself): its env and
 * volumes, which `describe_resource` leads with the Secrets they reference. A kind asked about without a name
 * ("the ingress", "the cronjobs") is described object by object when the names index holds a few of that kind.
 */
function describeWorkloads(plan: Plan, names: ClusterNames | undefined): Plan {
  const describe = (args: Record<string, unknown>) => ({
    tool: "describe_resource",
    args: { ...args, fields: ["env", "volumes"] },
  });
  const calls = plan.calls.flatMap((call) => {
    if (!["get_resources", "get_manifest", "describe_resource"].includes(call.tool)) return [call];
    const { name, kind } = call.args;
    // "the shop ingress": a namespace's name where no object of the kind has it.
    const namespaceAsName =
      typeof name === "string" &&
      typeof kind === "string" &&
      names?.namespaces.has(name) &&
      !names.objects.get(name)?.includes(kind);
    if (typeof name === "string" && !namespaceAsName) return [describe(withWorkloadKind(call.args, names))];
    const objects = typeof kind === "string" ? namesOfKind(names, kind) : [];
    if (objects.length === 0 || objects.length > MAX_DESCRIBED) return [call];
    const { label_selector: _s, field_selector: _f, all_namespaces: _a, namespace: _n, ...rest } = call.args;
    return objects.map((object) => describe({ ...rest, name: object }));
  });
  return { ...plan, calls };
}

/**
 * One request's calls, with namespaces as Kubernetes spells them (DNS labels are lower case: "In Shop" is shop),
 * and whether it said what to do ("describe", "events") rather than only naming objects ("pod api-0 in payments").
 */
function planRequest(text: string, lexicon: KindLexicon, names: ClusterNames | undefined): PartPlan {
  const parsed = parseQuestion(text, lexicon, names);
  return { ...planParsed(text, parsed), asked: parsed.intents.length > 0 };
}

/** The calls and their confidence, and the names completed on the way (a part's guess is the whole plan's). */
function planParsed(
  text: string,
  parsed: ParsedQuestion,
): { plan: Plan; guessed: string[]; unread?: string[] } {
  const intents = chooseIntents(parsed);
  const built = buildCalls(parsed, intents);
  const completed = completeCallNames(text, parsed.known, built.calls);
  const refined = refineCalls(text, parsed, completed.calls, built.calls);
  built.calls = kindsFromCluster(parsed, refined);
  // A question asks for a handful of things; dozens of calls mean the text was not a question.
  const calls = built.calls
    .slice(0, MAX_CALLS)
    .map(lowerCaseNamespace)
    .map((call) => withoutImpossibleNamespace(call, parsed));
  const guesses = built.guesses + (built.calls.length > MAX_CALLS ? 3 : 0);
  if (calls.length === 0) {
    const notes = ["The offline planner did not understand the question."];
    return { plan: { calls, refusal: null, confidence: 0, planner: PLANNER_NAME, notes }, guessed: [] };
  }
  const unexplained = Math.min(parsed.unexplained.length, 4);
  // One word the planner could not place puts the plan below the hybrid threshold (0.6): the LLM reads it then.
  const confidence = Math.max(0.05, Math.min(1, 0.95 - 0.4 * unexplained - 0.2 * guesses));
  const unread = parsed.unexplained.slice(0, NOTED_WORDS);
  const notes = unread.length > 0 ? [`${NOT_UNDERSTOOD}${unread.join(", ")}`] : undefined;
  return {
    plan: { calls, refusal: null, confidence: Number(confidence.toFixed(2)), planner: PLANNER_NAME, notes },
    guessed: completed.guessed,
    unread,
  };
}

/** "who rolled out api-gateway 1.5.0": a version is no namespace, but a word not placed. */
function withoutImpossibleNamespace(call: ToolCall, parsed: ParsedQuestion): ToolCall {
  const { namespace, ...rest } = call.args;
  // Only a version or an address ("1.5.0", "v2.4", "10.0.0.7"): any other bad name goes on to the tool, which says
  // why it is not one rather than quietly widening the question.
  if (typeof namespace !== "string" || namespaceProblem(namespace) === undefined) return call;
  if (!/^v?\d+(?:\.\d+)+$/i.test(namespace)) return call;
  parsed.unexplained.push(namespace);
  return { ...call, args: rest };
}

function lowerCaseNamespace(call: ToolCall): ToolCall {
  const { namespace } = call.args;
  if (typeof namespace !== "string" || namespace === namespace.toLowerCase()) return call;
  return { ...call, args: { ...call.args, namespace: namespace.toLowerCase() } };
}

// The random end Kubernetes gives a pod's name: five characters of its alphabet (no vowels, no 0, 1 or 3).
const POD_SUFFIX = /(?<![\w-])([bcdfghjklmnpqrstvwxz2456789]{5})(?![\w-])/g;

/**
 * "the other gateway pod, 9n57q, which node is it on": a call about a workload's pods, with one of its pods named by
 * its random end beside it, is about that pod (the tools resolve a name by its end).
 */
function withPodSuffix(plan: Plan, text: string): Plan {
  const suffixes = [...text.matchAll(POD_SUFFIX)].map((match) => match[1]).filter((word) => /\d/.test(word));
  if (suffixes.length !== 1 || plan.calls.length !== 1) return plan;
  const [call] = plan.calls;
  const { name, kind } = call.args;
  if (typeof name !== "string" || name.includes(suffixes[0]) || (kind !== undefined && kind !== "pods"))
    return plan;
  if (!["describe_resource", "get_pod_logs", "get_resources", "get_events"].includes(call.tool)) return plan;
  return { ...plan, calls: [{ ...call, args: { ...call.args, name: suffixes[0] } }] };
}
