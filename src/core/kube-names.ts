/**
 * Kubernetes' own rules for the names that go into an API path (k8s.io/apimachinery validation): a name
 * that breaks them can name no object, so it is refused before anything is sent. These rules are also
 * what keeps a name inside its path segment: none of them lets `/`, `%`, `.`/`..` or a control character through.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const API_VERSION = /^v[1-9][0-9]*((alpha|beta)[1-9][0-9]*)?$/;
// C0, DEL and C1 controls, and the Unicode line and paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const LABEL_MAX = 63;
const SUBDOMAIN_MAX = 253;

export type NameRule = "dns1123-label" | "dns1035-label" | "dns1123-subdomain" | "path-segment";

/**
 * Groups whose kinds name objects as DNS-1123 subdomains (Services and Namespaces have stricter rules). RBAC
 * objects (`system:controller:...`), custom resources and aggregated APIs allow any path segment name.
 */
const SUBDOMAIN_GROUPS = new Set([
  "",
  "apps",
  "batch",
  "autoscaling",
  "policy",
  "networking.k8s.io",
  "storage.k8s.io",
  "apiextensions.k8s.io",
  "apiregistration.k8s.io",
  "scheduling.k8s.io",
  "discovery.k8s.io",
  "coordination.k8s.io",
  "node.k8s.io",
  "events.k8s.io",
  "certificates.k8s.io",
  "admissionregistration.k8s.io",
  "flowcontrol.apiserver.k8s.io",
  "resource.k8s.io",
  "metrics.k8s.io",
]);

/** How the API server validates the names of a resource's objects. */
export function nameRuleFor(type: { group: string; plural: string }): NameRule {
  if (type.group === "" && type.plural === "namespaces") return "dns1123-label";
  if (type.group === "" && type.plural === "services") return "dns1035-label";
  return SUBDOMAIN_GROUPS.has(type.group) ? "dns1123-subdomain" : "path-segment";
}

/** Why `value` breaks `rule`, or undefined when it is a valid name. */
export function nameProblem(value: string, rule: NameRule): string | undefined {
  if (value === "") return "must not be empty";
  if (CONTROL.test(value)) return "must not contain control characters";
  switch (rule) {
    case "dns1123-label":
      if (value.length > LABEL_MAX) return `must be at most ${LABEL_MAX} characters`;
      return DNS1123_LABEL.test(value)
        ? undefined
        : "must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit";
    case "dns1035-label":
      if (value.length > LABEL_MAX) return `must be at most ${LABEL_MAX} characters`;
      return DNS1035_LABEL.test(value)
        ? undefined
        : "must be a DNS-1035 label: lower-case letters, digits and '-', starting with a letter";
    case "dns1123-subdomain":
      if (value.length > SUBDOMAIN_MAX) return `must be at most ${SUBDOMAIN_MAX} characters`;
      return DNS1123_SUBDOMAIN.test(value)
        ? undefined
        : "must be a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', starting and ending with a letter or digit";
    case "path-segment":
      if (value.length > SUBDOMAIN_MAX) return `must be at most ${SUBDOMAIN_MAX} characters`;
      if (value === "." || value === "..") return `may not be '${value}'`;
      if (value.includes("/") || value.includes("%")) return "may not contain '/' or '%'";
      return undefined;
  }
}

/** Why a namespace name is invalid (namespaces are DNS-1123 labels), or undefined. */
export function namespaceProblem(value: string): string | undefined {
  return nameProblem(value, "dns1123-label");
}

/** Why an API group, version or resource name could not come from discovery, or undefined. */
export function apiTypeProblem(type: { group: string; version: string; plural: string }): string | undefined {
  if (type.group !== "" && nameProblem(type.group, "dns1123-subdomain"))
    return `API group "${type.group}" is not a DNS-1123 subdomain`;
  if (!API_VERSION.test(type.version)) return `API version "${type.version}" is not a Kubernetes version`;
  if (nameProblem(type.plural, "dns1123-label")) return `resource "${type.plural}" is not a DNS-1123 label`;
  return undefined;
}
