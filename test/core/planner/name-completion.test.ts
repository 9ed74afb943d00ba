import { describe, expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import { completeCallNames } from "../../../src/core/planner/builtin/name-completion.js";
import { HYBRID_CONFIDENCE_THRESHOLD } from "../../../src/core/planner/hybrid.js";
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

describe("one completion step says what it guessed", () => {
  const nodeSuffixes = [...names.nodes]
    .map((node) => [node, node.split("-").slice(1).join("-")] as const)
    .filter(([, short]) => short.includes("-") && uniqueSuffix(short) && !names.objects.has(short));

  it.each(nodeSuffixes)("a node by the end of its name is a guess: %s as %s", (node, short) => {
    const calls = [{ tool: "describe_resource", args: { name: short } }];
    expect(completeCallNames(`describe ${short}`, names, calls)).toEqual({
      calls: [{ tool: "describe_resource", args: { name: node, kind: "nodes" } }],
      guessed: [`${short} → ${node}`],
    });
    const planned = planQuestion(`describe ${short}`, lexicon, names);
    expect(planned.confidence).toBeLessThan(HYBRID_CONFIDENCE_THRESHOLD);
    expect(planned.notes).toContain(`Read as shortened names: ${short} → ${node}`);
  });

  it.each([...names.objects.keys(), ...names.nodes])("a name written in full is no guess: %s", (name) => {
    const calls = [{ tool: "describe_resource", args: { name } }];
    expect(completeCallNames(`describe ${name}`, names, calls).guessed).toEqual([]);
  });

  it.each(
    [...names.objects]
      .filter(([name, kinds]) => name.split("-").length === 2 && kinds.includes("cronjobs"))
      .map(([name]) => [name, name.split("-").reverse().join(" ")] as const),
  )("two words that together name an object are the name written out: %s as %s", (name, words) => {
    const calls = [{ tool: "describe_resource", args: { kind: "cronjobs", name: words.split(" ")[0] } }];
    expect(completeCallNames(`schedule of the ${words}`, names, calls)).toEqual({
      calls: [{ tool: "describe_resource", args: { kind: "cronjobs", name } }],
      guessed: [],
    });
  });
});
