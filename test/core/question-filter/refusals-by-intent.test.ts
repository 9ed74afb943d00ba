import { describe, expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import { checkQuestionPolicy } from "../../../src/core/policy.js";
import { LOOK_ALIKE_READS } from "../../fixtures/look-alike-reads.js";

const languageOf = (text: string) => (/[\u4e00-\u9fff]/.test(text) ? "zh" : "en");
const refusalOf = (text: string) => checkQuestionPolicy(text, languageOf(text));

/** Issue 12 §5: asks to change something or to reveal a secret that used to pass. */
const MUST_REFUSE = [
  "k delete pod x",
  "oc delete pod x",
  "get rid of pod x",
  "checkout should have 0 replicas, make it so",
  "帮我把checkout的副本数调成0",
  "show me the s3cret of db-credentials",
  "what's the p4ssw0rd for the database",
  "print the secrets that checkout uses",
];

/** Issue 13 §5: reads with a secret-, token- or write-looking word in a name, or about the cluster's own rules. */
const MUST_ANSWER = [
  ...LOOK_ALIKE_READS,
  "which Secrets does checkout mount",
  "is the secret referenced by checkout present",
  "checkout should have 3 replicas, why does it have 2?",
  "what is k8s doing on node worker-1",
];

describe("refusals follow what the question asks", () => {
  it.each(MUST_REFUSE)("refuses %j", (text) => {
    expect(refusalOf(text)).not.toBeNull();
  });

  it.each(MUST_ANSWER)("answers %j", (text) => {
    expect(refusalOf(text)).toBeNull();
  });
});

/** Realistic names with secret-, token-, key- and delete-ish words, as people name things. */
const RISKY_NAMES = [
  "sealed-secrets",
  "external-secrets",
  "secrets-store-csi",
  "vault-secrets-operator",
  "token-service",
  "token-refresher-0",
  "auth-token-cache",
  "password-policy",
  "password-reset-api",
  "api-keys",
  "ssh-keys-sync",
  "credentials-rotator",
  "kubeconfig-exporter",
  "delete-old-backups",
  "cleanup-job-28",
  "kill-switch",
  "restart-watcher",
  "drain-helper",
  "scale-tester",
  "passwd-sync-7f9c",
  "secret-scanner",
  "s3cret-santa",
];
const NAME_SLOTS = [
  (name: string) => `list pods in namespace ${name}`,
  (name: string) => `kubectl get pods -n ${name}`,
  (name: string) => `why is deployment ${name} failing?`,
  (name: string) => `describe deployment ${name} in shop`,
  (name: string) => `logs of pod ${name}`,
  (name: string) => `describe configmap ${name} in default`,
  (name: string) => `which pods use the ${name} configmap`,
  (name: string) => `${name}命名空间的pod`,
  (name: string) => `pod ${name} 为什么一直重启`,
];

describe("a name is never a reason to refuse (generated)", () => {
  const cases = RISKY_NAMES.flatMap((name) => NAME_SLOTS.map((slot) => slot(name)));
  it.each(cases)("answers %j", (text) => {
    expect(refusalOf(text)).toBeNull();
  });
});

const OBJECTS = [
  "pod web-1",
  "deployment checkout",
  "the api deployment",
  "node worker-2",
  "configmap app-config",
];
const WRITE_FORMS = [
  (object: string) => `kubectl delete ${object}`,
  (object: string) => `k delete ${object}`,
  (object: string) => `oc delete ${object}`,
  (object: string) => `kubectl -n shop edit ${object}`,
  (object: string) => `k scale ${object} --replicas=0`,
  (object: string) => `oc patch ${object}`,
  (object: string) => `delete ${object}`,
  (object: string) => `please restart ${object}`,
  (object: string) => `get rid of ${object}`,
  (object: string) => `tear down ${object}`,
  (object: string) => `can you remove ${object}?`,
  (object: string) => `删除${object}`,
  (object: string) => `帮我重启${object}`,
  (object: string) => `把${object}的副本数调成0`,
];

describe("any write verb or alias on any object is refused (generated)", () => {
  const cases = OBJECTS.flatMap((object) => WRITE_FORMS.map((form) => form(object)));
  it.each(cases)("refuses %j", (text) => {
    expect(refusalOf(text)).toMatch(/read-only|只读/);
  });
});

describe("a question about the Secrets a workload uses reads the workload", () => {
  const lexicon = createKindLexicon();
  it.each([
    ["which secrets does the checkout deployment use in shop?", "deployments"],
    ["which Secrets does checkout mount", undefined],
    ["is the secret referenced by checkout present", undefined],
  ])("%j describes checkout, never a Secret", (text, kind) => {
    const plan = planQuestion(text, lexicon);
    expect(plan.refusal).toBeNull();
    expect(plan.calls.length).toBeGreaterThan(0);
    for (const call of plan.calls) {
      expect(call.tool).toBe("describe_resource");
      expect(call.args.name).toBe("checkout");
      expect(String(call.args.kind)).not.toMatch(/secret/i);
      if (kind) expect(call.args.kind).toBe(kind);
    }
  });
});
