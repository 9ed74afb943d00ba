import type { KubeObject } from "../ports.js";
import { maskSecretFields } from "../redact.js";
import { defineTool } from "./define-tool.js";
import { findNamedObject, namedObjectArgs, namedObjectFacts } from "./named-object.js";
import { STANDARD_READ_RULES } from "./read-rules.js";

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/**
 * The object as YAML (kubectl get -o yaml) with managedFields and the last-applied annotation dropped and
 * secret-looking values masked; secretKeyRef stays a reference. Facts: { kind, name, namespace?, resolvedFrom?, lines, headline, headline_zh }.
 */
export const getManifest = defineTool({
  name: "get_manifest",
  description: "Show one object as YAML (kubectl get -o yaml), secret-looking values masked.",
  args: namedObjectArgs("deployments, configmaps, pods"),
  needs: STANDARD_READ_RULES,
  async run(context, args) {
    const named = await findNamedObject(context, args);
    const { type, found } = named;
    const yaml = context.toYaml(maskSecretFields(cleanManifest(found.object)));
    const label = `${type.singular} ${found.object.metadata.name}`;
    return {
      parts: [
        { type: "code", title: `${type.kind} ${found.object.metadata.name}`, language: "yaml", code: yaml },
      ],
      facts: {
        ...namedObjectFacts(named, found.object, args.name),
        lines: yaml.split("\n").length - 1,
        headline: `The manifest of ${label}.`,
        headline_zh: `${label} 的清单。`,
      },
      notes: found.note ? [found.note] : [],
    };
  },
});

/** What kubectl shows minus the noise and the copies: managedFields and the last-applied annotation. */
export function cleanManifest(object: KubeObject): KubeObject {
  const { managedFields: _managed, annotations, ...metadata } = object.metadata;
  const kept = Object.fromEntries(Object.entries(annotations ?? {}).filter(([key]) => key !== LAST_APPLIED));
  const cleaned = Object.keys(kept).length > 0 ? { ...metadata, annotations: kept } : metadata;
  const { apiVersion, kind, metadata: _metadata, ...rest } = object;
  return { apiVersion, kind, metadata: cleaned as KubeObject["metadata"], ...rest };
}
