import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadChannelScopes, parseChannelScopes } from "../../src/config/channels.js";
import { CodedError } from "../../src/core/errors.js";

const YAML_FILE = `
C0PAYMENTS:
  namespaces: [payments, payments-canary]
  defaultNamespace: payments
  cluster: prod
G0OPS:
  namespaces: [kube-system]
dm:
  namespaces: [default, payments]
  defaultNamespace: default
default:
  namespaces: [default]
`;

function configError(run: () => unknown): CodedError {
  try {
    run();
  } catch (error) {
    if (error instanceof CodedError) return error;
    throw error;
  }
  throw new Error("expected a config error");
}

describe("channel scopes", () => {
  const scopes = parseChannelScopes(YAML_FILE, "channels.yaml");

  it.each([
    [
      "a listed channel",
      "C0PAYMENTS",
      false,
      { namespaces: ["payments", "payments-canary"], defaultNamespace: "payments", cluster: "prod" },
    ],
    [
      "a channel without defaultNamespace has none: its questions cover all its namespaces",
      "G0OPS",
      false,
      { namespaces: ["kube-system"], defaultNamespace: undefined, cluster: undefined },
    ],
    [
      "a DM",
      "D0ALICE",
      true,
      { namespaces: ["default", "payments"], defaultNamespace: "default", cluster: undefined },
    ],
    [
      "an unlisted channel",
      "C0OTHER",
      false,
      { namespaces: ["default"], defaultNamespace: undefined, cluster: undefined },
    ],
  ])("%s", (_, channel, isDirect, expected) => {
    expect(scopes.scopeFor(channel, isDirect)).toEqual(expected);
  });

  it("reads whether cluster-scoped kinds are hidden, and refuses any other value", () => {
    const hidden = parseChannelScopes(
      JSON.stringify({ C0RED: { namespaces: ["redteam"], clusterScopedKinds: "hidden" } }),
      "channels.json",
    );
    expect(hidden.scopeFor("C0RED", false).clusterScopedKinds).toBe("hidden");
    expect(() =>
      parseChannelScopes(JSON.stringify({ C0RED: { clusterScopedKinds: "some" } }), "channels.json"),
    ).toThrow(/clusterScopedKinds/);
  });

  it("reads JSON too, and without dm or default entries leaves the rest unrestricted", () => {
    const json = parseChannelScopes(JSON.stringify({ C0PAY: { namespaces: ["payments"] } }), "channels.json");
    expect(json.scopeFor("C0PAY", false).namespaces).toEqual(["payments"]);
    expect(json.scopeFor("C0ELSE", false)).toEqual({});
    expect(json.scopeFor("D0X", true)).toEqual({});
  });

  it("without a file every channel reads every namespace", () => {
    expect(loadChannelScopes(undefined).scopeFor("C1", false)).toEqual({});
  });

  it("loads the file K8HELPER_CHANNELS names", () => {
    const path = join(mkdtempSync(join(tmpdir(), "channels-")), "channels.yaml");
    writeFileSync(path, YAML_FILE);
    expect(loadChannelScopes(path).scopeFor("C0PAYMENTS", false).cluster).toBe("prod");
  });

  it("lists every problem of an invalid file in one config error", () => {
    const bad = `
general:
  namespaces: [payments]
C0PAY:
  namespaces: [Payments_NS]
  defaultNamespace: other
  clusterName: prod
dm:
  namespaces: []
`;
    const error = configError(() => parseChannelScopes(bad, "channels.yaml"));
    expect(error.code).toBe("config");
    const problems = (error.details!.problems as { setting: string }[]).map((problem) => problem.setting);
    expect(problems).toEqual(
      expect.arrayContaining([
        "channels.yaml.general",
        "channels.yaml.C0PAY.namespaces.0",
        "channels.yaml.C0PAY",
        "channels.yaml.dm.namespaces",
      ]),
    );
    expect(error.message).toContain('must be a channel id (C…, G…, D…), "dm" or "default"');
  });

  it.each([
    ["not YAML", "a: [b", "not valid YAML or JSON"],
    ["a list", "- C0PAY", "Invalid channel scopes"],
  ])("rejects %s", (_, text, message) => {
    expect(configError(() => parseChannelScopes(text, "channels.yaml")).message).toContain(message);
  });

  it("a missing file is a config error naming the path", () => {
    expect(configError(() => loadChannelScopes("/nonexistent/channels.yaml")).message).toBe(
      "K8HELPER_CHANNELS: cannot read /nonexistent/channels.yaml (ENOENT)",
    );
  });
});
