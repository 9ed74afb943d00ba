import type { Frontend, Question, Scope } from "./question.js";

/** What bounds every caller, from the configuration. */
export interface DeploymentScope {
  /** K8HELPER_SCOPE_NAMESPACES; unset, what the RBAC allows. */
  namespaces?: readonly string[];
  /**
   * With `namespaces` unset, the channels file's `default` entry: the scope of callers that have no channel of
   * their own (REST, the web page, MCP, the CLI), so a file that bounds unlisted channels bounds them too.
   */
  callerDefault?: Scope;
}

/** Front ends whose questions carry a channel's scope from the channels file. */
const CHANNEL_FRONTENDS: readonly Frontend[] = ["slack", "alerts"];

/**
 * The deployment's namespace scope (K8HELPER_SCOPE_NAMESPACES) bounds every caller: REST, MCP, the CLI and
 * Slack. A caller that has its own scope (a Slack channel's) keeps only the namespaces both allow; a caller
 * without one gets the deployment's. Unset, the scope is what the RBAC allows.
 */
export function withinDeploymentScope(
  scope: Scope,
  deploymentNamespaces: readonly string[] | undefined,
): Scope {
  if (!deploymentNamespaces) return scope;
  const namespaces = scope.namespaces
    ? scope.namespaces.filter((namespace) => deploymentNamespaces.includes(namespace))
    : [...deploymentNamespaces];
  return { ...scope, namespaces };
}

/** A channel-less caller within the channels file's default entry: it may narrow that scope, never widen it. */
function withinCallerDefault(scope: Scope, callerDefault: Scope): Scope {
  const allowed = callerDefault.namespaces;
  const namespaces =
    allowed && scope.namespaces
      ? scope.namespaces.filter((namespace) => allowed.includes(namespace))
      : (allowed ?? scope.namespaces);
  return {
    ...scope,
    namespaces,
    defaultNamespace: scope.defaultNamespace ?? callerDefault.defaultNamespace,
    cluster: scope.cluster ?? callerDefault.cluster,
    clusterScopedKinds:
      scope.clusterScopedKinds === "hidden"
        ? "hidden"
        : (callerDefault.clusterScopedKinds ?? scope.clusterScopedKinds),
  };
}

export function questionWithinDeploymentScope(question: Question, deployment: DeploymentScope): Question {
  if (deployment.namespaces)
    return { ...question, scope: withinDeploymentScope(question.scope, deployment.namespaces) };
  if (deployment.callerDefault && !CHANNEL_FRONTENDS.includes(question.frontend))
    return { ...question, scope: withinCallerDefault(question.scope, deployment.callerDefault) };
  return question;
}
