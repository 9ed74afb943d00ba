import { describe, expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import { sampleNames } from "../../helpers/sample-names.js";

// Issue 14: names as engineers shorten them, completed from the cluster's names (generated over the sample's).
const lexicon = createKindLexicon([]);
const names = sampleNames();
const plan = (text: string) => planQuestion(text, lexicon, names).calls;
const every = [...names.nodes, ...names.objects.keys()];
const uniqueSuffix = (suffix: string) => every.filter((name) => name.endsWith(`-${suffix}`)).length === 1;

describe("names completed from the cluster's names", () => {
  it.each(
    [...names.nodes]
      .map((node) => [node, node.split("-").slice(1).join("-")] as const)
      .filter(([, short]) => short.includes("-") && uniqueSuffix(short) && !names.objects.has(short)),
  )("a node by the end of its name: %s as %s", (node, short) => {
    expect(plan(`describe ${short}`)).toEqual([
      { tool: "describe_resource", args: { kind: "nodes", name: node } },
    ]);
  });

  it.each(
    [...names.objects]
      .filter(([name, kinds]) => name.split("-").length === 2 && kinds.includes("cronjobs"))
      .map(([name]) => [name, name.split("-").reverse().join(" ")] as const),
  )("two words that together name an object, in either order: %s as %s", (name, words) => {
    const [call] = plan(`schedule of the ${words}`);
    expect(call.args.name).toBe(name);
    expect(call.args.kind).toBe("cronjobs");
  });

  it("a kind word that describes the object is not its kind; a kind whose objects the name begins stays", () => {
    const claims = [...names.objects].filter(
      ([, kinds]) => kinds.length === 1 && kinds[0] === "persistentvolumeclaims",
    );
    for (const [claim] of claims)
      expect(plan(`what storage class does ${claim} ask for`)[0].args.kind).toBe("persistentvolumeclaims");
    const hasJobs = (cronjob: string) =>
      [...names.objects].some(([name, kinds]) => kinds.includes("jobs") && name.startsWith(`${cronjob}-`));
    const cronjobs = [...names.objects].filter(
      ([name, kinds]) => kinds.includes("cronjobs") && hasJobs(name),
    );
    expect(cronjobs.length).toBeGreaterThan(0);
    for (const [cronjob] of cronjobs)
      expect(plan(`jobs created by ${cronjob}`)[0].args.kind).not.toBe("cronjobs");
  });
});
