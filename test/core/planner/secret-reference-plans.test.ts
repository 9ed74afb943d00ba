import { describe, expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import type { KubeObject } from "../../../src/core/ports.js";
import { namesOf } from "../../helpers/sample-names.js";

/**
 * A question about the Secrets of a kind, with no object named ("which TLS secret does the ingress use"),
 * describes each object of that kind the names index holds, when there are few; a namespace's name standing
 * where the object's would ("the shop ingress") is not taken for an object. Never a call on Secrets.
 */
const lexicon = createKindLexicon([]);
const objectOf = (kind: string, namespace: string, name: string): KubeObject => ({
  kind,
  metadata: { name, namespace },
});

const NAMESPACES = ["shop", "secrets", "token-vault", "default"];
const INGRESS_NAMES = [["frontend"], ["frontend", "api-keys-portal"], ["password-reset", "web", "admin"]];

describe("Secrets of a kind asked about without a name (generated)", () => {
  const cases = NAMESPACES.flatMap((namespace) =>
    INGRESS_NAMES.flatMap((ingresses) =>
      [
        `which tls secret does the ${namespace} ingress use`,
        `is the TLS secret referenced by the ingress`,
        `${namespace} 的 ingress 用哪个 TLS secret`,
      ].map((text) => ({ text, namespace, ingresses })),
    ),
  );
  it.each(cases)("$text with ingresses $ingresses", ({ text, namespace, ingresses }) => {
    const names = namesOf(
      ingresses.map((name) => objectOf("Ingress", namespace, name)),
      [namespace],
    );
    const plan = planQuestion(text, lexicon, names);
    expect(plan.refusal).toBeNull();
    expect(plan.calls.map((call) => call.tool)).toEqual(ingresses.map(() => "describe_resource"));
    expect(plan.calls.map((call) => call.args.name).sort()).toEqual([...ingresses].sort());
    for (const call of plan.calls)
      expect(call.args).toMatchObject({ kind: "ingresses", fields: ["env", "volumes"] });
  });

  it("more objects than can be described one by one: the list, still no Secret", () => {
    const many = Array.from({ length: 9 }, (_, index) => objectOf("Ingress", "shop", `web-${index}`));
    const plan = planQuestion("which tls secret does the ingress use", lexicon, namesOf(many, ["shop"]));
    expect(plan.calls).toEqual([{ tool: "get_resources", args: { kind: "ingresses" } }]);
  });
});
