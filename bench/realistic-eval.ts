/**
 * The realistic end-to-end sets (eval/realistic/, written by an outside reviewer from kubectl before the
 * product ran on them), asked through the whole pipeline on a fresh simulated cluster in this process:
 * right answers per set, language and category, false all-clears, false refusals, and how well the offline
 * planner's confidence predicts a right answer (the calibration table, against the hybrid threshold).
 *
 *   node --import tsx bench/realistic-eval.ts [--sets realistic-1,realistic-3] [--failures FILE] [--only id,id]
 *                                             [--write-known]
 *
 * --write-known records each set's failing ids in eval/realistic/known-failures.json, the ratchet that
 * test/eval/realistic-ratchet.test.ts holds the regression sets to.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createNamesIndex } from "../src/core/names/names-index.js";
import { createBuiltinPlanner } from "../src/core/planner/builtin/index.js";
import { HYBRID_CONFIDENCE_THRESHOLD } from "../src/core/planner/hybrid.js";
import { startTestStack } from "../test/helpers/answer-service.js";
import { question } from "../test/helpers/question.js";
import {
  knownFailuresPath,
  loadRealisticSet,
  REALISTIC_SETS,
  runRealisticCases,
} from "../test/helpers/realistic-sets.js";
import { type Figure, reportFigures } from "./lib/report.js";

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const only = option("only") ? new Set(option("only")!.split(",")) : undefined;
const sets = option("sets")?.split(",") ?? REALISTIC_SETS;
if (only && argv.includes("--write-known")) throw new Error("--write-known records whole sets: drop --only");
const load = (name: string) => loadRealisticSet(name).filter((c) => !only || only.has(c.id));

const pct = (pass: number, total: number) => (total === 0 ? 0 : (100 * pass) / total);

await reportFigures(async (): Promise<Figure[]> => {
  const stack = await startTestStack();
  const planner = createBuiltinPlanner();
  const cluster = stack.container.clusters.get();
  const resourceTypes = await cluster.resourceTypes();
  // The planner sees what the pipeline gives it: discovery and the cluster's names.
  const names = await createNamesIndex({ clock: stack.container.clock }).namesFor(cluster);
  const figures: Figure[] = [];
  const failures: unknown[] = [];
  const buckets = new Map<string, [number, number]>();
  const lines: string[] = [];
  const known: Record<string, string[]> = {};
  for (const set of sets) {
    known[set] = [];
    const tally = { pass: 0, total: 0, falseAllClear: 0, falseRefusal: 0 };
    const by = new Map<string, [number, number]>();
    const bump = (key: string, pass: boolean) => {
      const entry = by.get(key) ?? [0, 0];
      entry[0] += pass ? 1 : 0;
      entry[1] += 1;
      by.set(key, entry);
    };
    for (const { case: c, answer, score } of await runRealisticCases(stack, load(set))) {
      tally.total += 1;
      tally.pass += score.pass ? 1 : 0;
      if (score.falseAllClear) tally.falseAllClear += 1;
      if (score.falseRefusal) tally.falseRefusal += 1;
      bump(`lang ${c.lang}`, score.pass);
      bump(`category ${c.category}`, score.pass);
      const plan = await planner.plan(question(c.q), { resourceTypes, names });
      const bucket =
        plan.confidence >= 0.9
          ? "≥0.9"
          : plan.confidence >= HYBRID_CONFIDENCE_THRESHOLD
            ? `${HYBRID_CONFIDENCE_THRESHOLD}–0.9`
            : `<${HYBRID_CONFIDENCE_THRESHOLD}`;
      const b = buckets.get(bucket) ?? [0, 0];
      b[0] += score.pass ? 1 : 0;
      b[1] += 1;
      buckets.set(bucket, b);
      if (!score.pass) known[set].push(c.id);
      if (!score.pass)
        failures.push({
          set,
          id: c.id,
          q: c.q,
          why: score.why,
          confidence: plan.confidence,
          summary: answer.summary,
          refusal: answer.refusal,
          calls: answer.calls.map((call) => ({ tool: call.tool, args: call.args, ok: call.ok })),
        });
    }
    const bench = "realistic-eval";
    figures.push(
      {
        bench,
        name: `${set}: right end to end (${tally.pass}/${tally.total})`,
        value: pct(tally.pass, tally.total),
        unit: "%",
        goal: "≥ 90 %",
      },
      { bench, name: `${set}: false all-clears`, value: tally.falseAllClear, unit: "answers", goal: "0" },
      { bench, name: `${set}: false refusals`, value: tally.falseRefusal, unit: "answers", goal: "0" },
    );
    for (const [key, [pass, total]] of [...by].sort())
      lines.push(`${set} ${key}: ${pass}/${total} (${pct(pass, total).toFixed(1)} %)`);
  }
  for (const [bucket, [pass, total]] of [...buckets].sort())
    figures.push({
      bench: "realistic-eval",
      name: `confidence ${bucket}: right (${pass}/${total} plans)`,
      value: pct(pass, total),
      unit: "%",
    });
  await stack.close();
  process.stderr.write(`${lines.join("\n")}\n`);
  if (argv.includes("--write-known")) {
    writeFileSync(knownFailuresPath, `${JSON.stringify({ ...known }, null, 2)}\n`);
    // The ratchet is committed, so it is written the way the lint step formats it.
    execFileSync("npx", ["biome", "format", "--write", fileURLToPath(knownFailuresPath)], {
      stdio: "ignore",
    });
  }
  const out = option("failures");
  if (out)
    writeFileSync(out, failures.map((f) => JSON.stringify(f)).join("\n") + (failures.length ? "\n" : ""));
  return figures;
});
