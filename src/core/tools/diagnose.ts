import { z } from "zod";
import type { Finding } from "../answer.js";
import type { Analyzer, ClusterSnapshot } from "../diagnose/analyzer.js";
import { healthyStatus } from "../diagnose/healthy-status.js";
import { addHowLong } from "../diagnose/how-long.js";
import { analyzers } from "../diagnose/index.js";
import { addCrashLogs } from "../diagnose/log-evidence.js";
import { findingsAbout, resolveDiagnosisName, sortFindings } from "../diagnose/narrow-findings.js";
import { addPodNode } from "../diagnose/pod-node.js";
import { addPrecedingChange, type PrecedingChange, precedingChange } from "../diagnose/preceding-change.js";
import { readSnapshot } from "../diagnose/read-snapshot.js";
import { addSuggestion, firstSuggestion } from "../diagnose/suggestions.js";
import { CodedError } from "../errors.js";
import { defineTool, type ToolContext, type ToolOutput } from "./define-tool.js";
import { describeResource } from "./describe-resource.js";
import { getResources } from "./get-resources.js";
import { ensureNamespaceExists, NAMESPACE_READ_RULE } from "./namespace-exists.js";
import { describeTarget, namespaceTarget } from "./namespace-scope.js";
import { nothingFound } from "./nothing-found.js";
import { DISCOVERY_RULE, readRule, STANDARD_READ_RULES } from "./read-rules.js";
import { resolveKind } from "./resolve-kind.js";
import { nowOf } from "./time-format.js";

/**
 * Deterministic troubleshooting (no LLM): every analyzer of src/core/diagnose over the target namespaces.
 * Facts: { findings, critical, objects: "ns/name" of each object with a finding, reasons: distinct reasons,
 * namespace?, resolvedFrom?, change?/change_zh: the rollout that lines up with the first failure }.
 */
export const diagnose = defineTool({
  name: "diagnose",
  description:
    "Find what is wrong and why: crashes, image pulls, OOM, pending pods, probes, nodes, replicas, rollouts, jobs, cronjobs, PVCs, endpoints, autoscalers at their limit, disruption budgets, ingress backends.",
  args: z.object({
    namespace: z.string().min(1).optional().describe("Namespace to check"),
    all_namespaces: z.boolean().optional().describe("Check every namespace"),
    kind: z
      .string()
      .min(1)
      .optional()
      .describe("Only check this kind (canonical plural): pods, nodes, deployments, ..."),
    name: z.string().min(1).optional().describe("Only this object (name or unique prefix) and what it owns"),
  }),
  needs: [
    readRule("", ["pods", "nodes", "events", "services", "endpoints", "persistentvolumeclaims"]),
    readRule("", ["pods/log"], ["get"]),
    readRule("apps", ["deployments", "statefulsets", "daemonsets", "replicasets"]),
    readRule("batch", ["jobs", "cronjobs"]),
    readRule("autoscaling", ["horizontalpodautoscalers"]),
    readRule("policy", ["poddisruptionbudgets"]),
    readRule("networking.k8s.io", ["ingresses"]),
    ...STANDARD_READ_RULES,
    DISCOVERY_RULE,
    NAMESPACE_READ_RULE,
  ],
  async run(context, args): Promise<ToolOutput> {
    try {
      return await diagnoseIn(context, args);
    } catch (error) {
      // "payments failing at checkout step": checkout is in shop. A name not in the namespace said is diagnosed
      // where the scope has it, and the answer says so.
      if (!args.name || !args.namespace || !(error instanceof CodedError) || error.code !== "not_found")
        throw error;
      const wider = await diagnoseIn(context, { ...args, namespace: undefined }).catch(() => undefined);
      if (!wider) throw error;
      const objects = Array.isArray(wider.facts?.objects) ? (wider.facts.objects as string[]) : [];
      const where = [...new Set(objects.map((object) => object.split("/")[0]))].join(", ");
      return {
        ...wider,
        facts: { ...wider.facts, ...(where ? { namespace: where } : {}) },
        notes: [`No ${args.name} in ${args.namespace}; diagnosed where it is`, ...(wider.notes ?? [])],
      };
    }
  },
});

interface DiagnoseArgs {
  namespace?: string;
  all_namespaces?: boolean;
  kind?: string;
  name?: string;
}

async function diagnoseIn(context: ToolContext, args: DiagnoseArgs): Promise<ToolOutput> {
  const said = args.kind ? (await resolveKind(context.cluster, args.kind)).plural : undefined;
  // "the checkout service keeps crashing": a named Service is as healthy as the workload behind it, so it is
  // diagnosed with everything of that name (the Service's own endpoints included).
  const kind = said === "services" && args.name ? undefined : said;
  // A name is looked up wherever it is in the scope, never only in a default namespace. Nodes are
  // cluster-wide: the pods a node problem affects are in every namespace of the scope.
  const target = namespaceTarget(
    context,
    undefined,
    kind === "nodes" && !args.namespace ? { ...args, all_namespaces: true } : args,
    { ignoreDefault: args.name !== undefined },
  );
  if (kind && !analyzers.some((analyzer) => analyzer.covers.includes(kind)))
    return answerUncoveredKind(context, { ...args, kind });
  const chosen = chooseAnalyzers(
    kind,
    target.allNamespaces || args.name !== undefined,
    args.name !== undefined,
  );
  const snapshot = await readSnapshot(context, chosen, target);
  if (isEmptyNamespace(snapshot)) await ensureNamespaceExists(context, target);
  const nowMs = nowOf(context);
  let findings = chosen.flatMap((analyzer) =>
    analyzer.analyze(snapshot, nowMs, { cronRuns: context.cronRuns }),
  );
  const notes: string[] = [];
  const where = describeTarget(target);
  let resolved: string | undefined;
  if (args.name) {
    const name = resolveDiagnosisName(snapshot, args.name, where);
    resolved = name.name;
    if (name.note) notes.push(name.note);
    findings = findingsAbout(findings, name.name, snapshot);
    // "which node is the crashing checkout pod on" read as nodes named checkout: a kind that holds no object of
    // that name does not narrow the diagnosis, or a crashing pod would be reported healthy.
    const ofKind = kind ? (snapshot[kind as keyof ClusterSnapshot] ?? []) : [];
    if (
      kind &&
      findings.length === 0 &&
      !ofKind.some((object) => object.metadata.name.startsWith(args.name ?? ""))
    )
      return diagnose.run(context, { ...args, kind: undefined });
  }
  findings = sortFindings(findings);
  await addCrashLogs(context, findings, snapshot.pods);
  let change: PrecedingChange | undefined;
  for (const finding of findings) {
    const lined = precedingChange(finding, snapshot, nowMs);
    addPrecedingChange(finding, lined);
    change ??= lined;
    addPodNode(finding, snapshot);
    addSuggestion(finding, snapshot);
    addHowLong(finding, snapshot, nowMs);
  }
  const coverage = findings.length === 0 ? await nothingFound(context, target, chosen, resolved) : undefined;
  if (coverage) notes.push(coverage.note);
  // A healthy answer says what it saw: the named object's state, or the workloads of the one namespace.
  const healthy =
    (coverage && (resolved !== undefined || target.namespace !== undefined)) ||
    (resolved !== undefined && findings.length > 0)
      ? healthyStatus(snapshot, resolved)
      : [];
  const label = (finding: Finding) =>
    finding.object.namespace ? `${finding.object.namespace}/${finding.object.name}` : finding.object.name;
  const objects = [...new Set(findings.map(label))];
  const reasonsByObject: Record<string, string[]> = {};
  for (const finding of findings) {
    const reasons = reasonsByObject[label(finding)] ?? [];
    if (!reasons.includes(finding.reason)) reasonsByObject[label(finding)] = [...reasons, finding.reason];
  }
  // "are payments down?": beside a namespace's problems, what in it is up.
  const healthyBeside =
    resolved === undefined && target.namespace !== undefined && findings.length > 0
      ? healthyStatus(snapshot, undefined, (object) =>
          objects.includes(`${object.metadata.namespace}/${object.metadata.name}`),
        )
      : [];
  const nextStep = firstSuggestion(findings);
  return {
    parts: [{ type: "findings", title: `Diagnosis${resolved ? ` of ${resolved}` : where}`, findings }],
    facts: {
      findings: findings.length,
      critical: findings.filter((finding) => finding.severity === "critical").length,
      objects,
      reasons: [...new Set(findings.map((finding) => finding.reason))],
      ...(findings.length > 0 ? { reasonsByObject } : {}),
      ...(nextStep ? { nextStep } : {}),
      ...(target.namespace ? { namespace: target.namespace } : {}),
      ...(target.allNamespaces ? { acrossNamespaces: true } : {}),
      ...(coverage ? { checked: coverage.checked, coveredNamespaces: coverage.namespaces } : {}),
      ...(resolved && resolved !== args.name ? { resolvedFrom: args.name, name: resolved } : {}),
      ...(resolved ? { about: resolved } : {}),
      ...(healthy.length > 0 ? { healthy } : {}),
      ...(healthyBeside.length > 0 ? { healthyBeside } : {}),
      ...(change ? { change: change.summaryEn, change_zh: change.summaryZh } : {}),
    },
    notes,
  };
}

/**
 * "why does traffic bypass the network policy": no analyzer checks that kind, so the answer is what kubectl would
 * show of it (the named object described, else the kind's list), said to be that and not a clean bill of health.
 */
async function answerUncoveredKind(
  context: ToolContext,
  args: { kind: string; name?: string; namespace?: string; all_namespaces?: boolean },
) {
  const covered = [...new Set(analyzers.flatMap((analyzer) => analyzer.covers))];
  const note = `diagnose has no checks for ${args.kind} (it checks ${covered.join(", ")}): this is what the cluster shows of it.`;
  const { name, ...list } = args;
  const result =
    name !== undefined
      ? await describeResource.run(context, { ...list, name })
      : await getResources.run(context, list);
  const answeredBy = name !== undefined ? describeResource.name : getResources.name;
  return { ...result, facts: { ...result.facts, answeredBy }, notes: [...(result.notes ?? []), note] };
}

/** `kind` narrows to the analyzers that cover it; node checks run cluster-wide only, or when asked for. */
function chooseAnalyzers(kind: string | undefined, clusterWide: boolean, named: boolean): Analyzer[] {
  if (!kind)
    return analyzers.filter(
      (analyzer) =>
        (clusterWide || !analyzer.covers.includes("nodes")) && (analyzer.sweep !== false || named),
    );
  // "api-gateway crashlooping since the deploy": a named workload is as sick as its pods, whose checks run too.
  if (named && WORKLOAD_KINDS.has(kind)) return chooseAnalyzers(undefined, clusterWide, named);
  return analyzers.filter((analyzer) => analyzer.covers.includes(kind));
}

const WORKLOAD_KINDS = new Set([
  "deployments",
  "statefulsets",
  "daemonsets",
  "jobs",
  "cronjobs",
  "replicasets",
]);

/** Nothing namespaced was read: the namespace may not exist (nodes are cluster-wide, so they do not count). */
function isEmptyNamespace(snapshot: ClusterSnapshot): boolean {
  return Object.entries(snapshot).every(([kind, objects]) => kind === "nodes" || objects.length === 0);
}
