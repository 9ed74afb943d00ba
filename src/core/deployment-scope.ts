import type { Question, Scope } from "./question.js";

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

export function questionWithinDeploymentScope(
  question: Question,
  deploymentNamespaces: readonly string[] | undefined,
): Question {
  if (!deploymentNamespaces) return question;
  return { ...question, scope: withinDeploymentScope(question.scope, deploymentNamespaces) };
}
