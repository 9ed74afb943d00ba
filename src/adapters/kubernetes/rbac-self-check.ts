import {
  AuthorizationV1Api,
  KubeConfig,
  type V1NonResourceRule,
  type V1ResourceAttributes,
  type V1ResourceRule,
} from "@kubernetes/client-node";
import { CodedError, errorMessage } from "../../core/errors.js";
import type { Logger } from "../../core/ports.js";

export interface RbacSelfCheckSettings {
  /** An explicit kubeconfig file; otherwise KUBECONFIG, ~/.kube/config, then the in-cluster ServiceAccount. */
  kubeconfig?: string;
  context?: string;
  /** The namespace the rules review asks about (the configured default namespace). */
  namespace: string;
  timeoutMs?: number;
}

export interface ReadOnlyIdentityReport {
  /** What the identity may change, e.g. `create pods`, `delete deployments.apps`, `* *.*`. Empty when read-only. */
  writable: string[];
  /** True when it may read Secrets. */
  secrets: boolean;
  namespace: string;
  /** The API server said its rules list may be incomplete (another authorizer); the access probes still ran. */
  incomplete: boolean;
}

const READ_VERBS = new Set(["get", "list", "watch"]);
/** What every authenticated user may create on a real cluster (system:basic-user): questions about itself. */
const SELF_REVIEWS = new Set([
  "create selfsubjectaccessreviews.authorization.k8s.io",
  "create selfsubjectrulesreviews.authorization.k8s.io",
  "create selfsubjectreviews.authentication.k8s.io",
]);
/** Non-resource URLs: these verbs only read (/healthz, /version, discovery). */
const SAFE_URL_VERBS = new Set(["get", "head", "options"]);

type Probe = Pick<V1ResourceAttributes, "verb" | "group" | "resource" | "subresource"> & {
  clusterWide?: boolean;
};

/** Asked one by one as well, since another authorizer (a webhook) may grant what the rules review does not list. */
const PROBES: Probe[] = [
  { verb: "create", resource: "pods" },
  { verb: "create", resource: "pods", subresource: "exec" },
  { verb: "delete", resource: "pods" },
  { verb: "patch", group: "apps", resource: "deployments" },
  { verb: "delete", group: "apps", resource: "deployments" },
  { verb: "update", resource: "configmaps" },
  { verb: "impersonate", resource: "serviceaccounts" },
  { verb: "delete", resource: "namespaces", clusterWide: true },
  { verb: "patch", resource: "nodes", clusterWide: true },
  { verb: "create", group: "rbac.authorization.k8s.io", resource: "clusterrolebindings", clusterWide: true },
  { verb: "get", resource: "secrets" },
  { verb: "list", resource: "secrets", clusterWide: true },
];

/**
 * Asks the API server what this identity may do (SelfSubjectRulesReview, then SelfSubjectAccessReview probes).
 * The reviews are POSTs that change nothing: the only requests K8Helper sends that are not GETs (the test
 * suite's forbidden-request audit allows exactly these).
 */
export async function checkReadOnlyIdentity(
  settings: RbacSelfCheckSettings,
): Promise<ReadOnlyIdentityReport> {
  const api = loadKubeConfig(settings).makeApiClient(AuthorizationV1Api);
  const timeoutMs = settings.timeoutMs ?? 10_000;
  const review = await withTimeout(
    api.createSelfSubjectRulesReview({
      body: {
        apiVersion: "authorization.k8s.io/v1",
        kind: "SelfSubjectRulesReview",
        spec: { namespace: settings.namespace },
      },
    }),
    timeoutMs,
  );
  const findings = new Set<string>();
  let secrets = false;
  for (const rule of review.status?.resourceRules ?? []) {
    for (const grant of writableGrants(rule)) if (!SELF_REVIEWS.has(grant)) findings.add(grant);
    secrets ||= readsSecrets(rule);
  }
  for (const rule of review.status?.nonResourceRules ?? []) {
    for (const grant of writableUrls(rule)) findings.add(grant);
  }
  const allowed = await Promise.all(
    PROBES.map(async (probe) => {
      const { clusterWide, ...attributes } = probe;
      const answer = await withTimeout(
        api.createSelfSubjectAccessReview({
          body: {
            apiVersion: "authorization.k8s.io/v1",
            kind: "SelfSubjectAccessReview",
            spec: {
              resourceAttributes: { ...attributes, namespace: clusterWide ? undefined : settings.namespace },
            },
          },
        }),
        timeoutMs,
      );
      return answer.status?.allowed === true ? probe : undefined;
    }),
  );
  for (const probe of allowed) {
    if (!probe) continue;
    if (probe.resource === "secrets") secrets = true;
    else
      findings.add(`${probe.verb} ${qualified(probe.resource ?? "", probe.group ?? "", probe.subresource)}`);
  }
  return {
    writable: [...findings].sort(),
    secrets,
    namespace: settings.namespace,
    incomplete: review.status?.incomplete === true,
  };
}

export interface VerifyOptions {
  /** Refuse to start (CodedError "config") instead of warning. */
  strict: boolean;
  logger: Logger;
}

/** The start-up check: a loud warning, or a refusal in strict mode, when the identity can write or read Secrets. */
export async function verifyReadOnlyIdentity(
  settings: RbacSelfCheckSettings,
  options: VerifyOptions,
): Promise<ReadOnlyIdentityReport | undefined> {
  let report: ReadOnlyIdentityReport;
  try {
    report = await checkReadOnlyIdentity(settings);
  } catch (error) {
    const reason = `Could not verify that K8Helper's Kubernetes identity is read-only: ${errorMessage(error)}`;
    if (options.strict)
      throw new CodedError("config", `${reason} (K8HELPER_STRICT_RBAC=true refuses to start)`);
    options.logger.warn({ event: "rbac_unverified", error: errorMessage(error) }, reason);
    return undefined;
  }
  const problems = describeProblems(report);
  if (problems.length === 0) {
    options.logger.info(
      { event: "rbac_read_only", namespace: report.namespace },
      "Kubernetes identity is read-only",
    );
    return report;
  }
  const message =
    `K8Helper's Kubernetes identity has more than read-only access: ${problems.join("; ")}. ` +
    "K8Helper never uses it, but a read-only assistant should not hold it: bind the chart's read-only ClusterRole instead.";
  if (options.strict)
    throw new CodedError("config", `${message} Refusing to start (K8HELPER_STRICT_RBAC=true).`);
  options.logger.warn(
    {
      event: "rbac_too_broad",
      writable: report.writable,
      secrets: report.secrets,
      namespace: report.namespace,
    },
    `WARNING: ${message} Set K8HELPER_STRICT_RBAC=true to refuse to start.`,
  );
  return report;
}

function describeProblems(report: ReadOnlyIdentityReport): string[] {
  const problems: string[] = [];
  if (report.writable.length > 0) {
    const shown = report.writable.slice(0, 8).join(", ");
    const more = report.writable.length > 8 ? ` and ${report.writable.length - 8} more` : "";
    problems.push(`it may ${shown}${more}`);
  }
  if (report.secrets) problems.push("it may read Secrets");
  return problems;
}

function writableGrants(rule: V1ResourceRule): string[] {
  const verbs = rule.verbs.filter((verb) => !READ_VERBS.has(verb));
  const groups = rule.apiGroups?.length ? rule.apiGroups : [""];
  return verbs.flatMap((verb) =>
    groups.flatMap((group) =>
      (rule.resources ?? []).map((resource) => `${verb} ${qualified(resource, group)}`),
    ),
  );
}

function readsSecrets(rule: V1ResourceRule): boolean {
  const reads = rule.verbs.some((verb) => verb === "*" || READ_VERBS.has(verb));
  const coreGroup = (rule.apiGroups ?? [""]).some((group) => group === "" || group === "*");
  const named = (rule.resources ?? []).some((resource) => resource === "secrets" || resource === "*");
  return reads && coreGroup && named && !rule.resourceNames?.length;
}

function writableUrls(rule: V1NonResourceRule): string[] {
  const verbs = rule.verbs.filter((verb) => !SAFE_URL_VERBS.has(verb));
  return verbs.flatMap((verb) => (rule.nonResourceURLs ?? []).map((url) => `${verb} ${url}`));
}

/** `pods`, `pods/exec`, `deployments.apps`: how kubectl names a resource. */
function qualified(resource: string, group: string, subresource?: string): string {
  const [name, sub] = subresource ? [resource, subresource] : resource.split("/");
  return `${name}${group ? `.${group}` : ""}${sub ? `/${sub}` : ""}`;
}

function loadKubeConfig(settings: RbacSelfCheckSettings): KubeConfig {
  const kubeConfig = new KubeConfig();
  try {
    if (settings.kubeconfig) kubeConfig.loadFromFile(settings.kubeconfig);
    else kubeConfig.loadFromDefault();
    if (settings.context) kubeConfig.setCurrentContext(settings.context);
  } catch (error) {
    throw new CodedError("config", `Cannot read the kubeconfig: ${errorMessage(error)}`);
  }
  return kubeConfig;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new CodedError("timeout", `the API server did not answer within ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
