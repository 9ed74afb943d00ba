import { z } from "zod";
import { CodedError } from "../core/errors.js";
import type { Scope } from "../core/question.js";
import { parseConfigYaml, readConfigFile } from "./config-file.js";

/** Which namespaces and cluster a Slack conversation may ask about. */
export interface ChannelScopes {
  /** A channel's entry; direct messages use `dm`; unlisted channels use `default` (none: every namespace). */
  scopeFor(channel: string | undefined, isDirect: boolean): Scope;
  /** The entries of the file (channel id, `dm`, `default`) with their scopes, for the App Home. */
  listed?(): [string, Scope][];
  /** The file's `default` entry, or undefined when the file has none. */
  defaultEntry?(): Scope | undefined;
}

const namespaceName = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, { error: "must be a Kubernetes namespace name" });

const entrySchema = z
  .strictObject({
    namespaces: z
      .array(namespaceName)
      .min(1, { error: "must list at least one namespace (omit it for all)" })
      .optional(),
    defaultNamespace: namespaceName.optional(),
    cluster: z.string().trim().min(1).optional(),
    /** `hidden`: nodes, CRDs and other cluster-scoped kinds are not readable from this conversation. */
    clusterScopedKinds: z.enum(["visible", "hidden"]).optional(),
  })
  .refine(
    (entry) =>
      !entry.defaultNamespace || !entry.namespaces || entry.namespaces.includes(entry.defaultNamespace),
    {
      error: "defaultNamespace must be one of namespaces",
      path: ["defaultNamespace"],
    },
  );

const SPECIAL_KEYS = ["dm", "default"];
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;

const fileSchema = z.record(z.string(), entrySchema);

type Entry = z.infer<typeof entrySchema>;

function isBadKey(key: string): boolean {
  return !SPECIAL_KEYS.includes(key) && !CHANNEL_ID.test(key);
}

function toScope(entry: Entry | undefined): Scope {
  if (!entry) return {};
  return {
    namespaces: entry.namespaces,
    defaultNamespace: entry.defaultNamespace,
    cluster: entry.cluster,
    clusterScopedKinds: entry.clusterScopedKinds,
  };
}

export function channelScopesFrom(entries: Record<string, Entry>): ChannelScopes {
  const scopes = new Map(Object.entries(entries).map(([key, entry]) => [key, toScope(entry)]));
  const fallback = scopes.get("default") ?? {};
  return {
    scopeFor(channel, isDirect) {
      if (isDirect) return scopes.get("dm") ?? fallback;
      return (channel && scopes.get(channel)) || fallback;
    },
    listed: () => [...scopes.entries()],
    defaultEntry: () => scopes.get("default"),
  };
}

/** Parses the K8HELPER_CHANNELS file's text (YAML or JSON); every problem is listed in one config error. */
export function parseChannelScopes(text: string, source: string): ChannelScopes {
  const data = parseConfigYaml(text, source);
  const parsed = fileSchema.safeParse(data);
  // Keys are checked by hand: zod reports a bad record key only as "Invalid key in record".
  const badKeys =
    data && typeof data === "object" && !Array.isArray(data) ? Object.keys(data).filter(isBadKey) : [];
  if (!parsed.success || badKeys.length > 0) {
    const problems = [
      ...badKeys.map((key) => ({
        setting: `${source}.${key}`,
        message: 'must be a channel id (C…, G…, D…), "dm" or "default"',
      })),
      ...(parsed.error?.issues ?? []).map((issue) => ({
        setting: [source, ...issue.path].join("."),
        message: issue.message,
      })),
    ];
    throw new CodedError(
      "config",
      `Invalid channel scopes in ${source}:\n${problems.map((p) => `  ${p.setting}: ${p.message}`).join("\n")}`,
      { problems },
    );
  }
  return channelScopesFrom(parsed.data ?? {});
}

/**
 * The scope of callers without a channel (REST, the web page, MCP, the CLI) when K8HELPER_SCOPE_NAMESPACES is
 * unset: the channels file's `default` entry, the safe reading of a file that bounds unlisted channels.
 */
export function callerDefaultScope(kube: {
  scopeNamespaces?: string[];
  channelsFile?: string;
}): Scope | undefined {
  if (kube.scopeNamespaces || !kube.channelsFile) return undefined;
  return loadChannelScopes(kube.channelsFile).defaultEntry?.();
}

/** The scopes from the file named by K8HELPER_CHANNELS; without a file, every channel may read every namespace. */
export function loadChannelScopes(path: string | undefined): ChannelScopes {
  if (!path) return channelScopesFrom({});
  const text = readConfigFile(path, "K8HELPER_CHANNELS");
  return parseChannelScopes(text, path);
}
