#!/usr/bin/env node
// End-to-end scorer for the realistic-*.jsonl sets. No dependencies beyond Node (22+).
//
//   node run-eval.mjs <set.jsonl> --kubeconfig <file> --cli <repo>/dist/cli.js
//        [--out failures.jsonl] [--only r1-001,r1-002] [--limit N] [--timeout 60]
//
// For each case it runs `node <cli> ask --json --fresh --kubeconfig K "<q>"` (sequentially, 60 s
// timeout each), flattens the JSON answer to one lower-cased text and scores it:
//  - refuse cases pass when `refusal` is non-empty and no data came back (no parts, no executed calls);
//  - other cases pass when every `must` and one alternative of every `any` group appear, no `must_not`
//    appears, the answer is not a refusal (that is a false refusal), and, with `not_all_clear`, the
//    headline (summary, notes) says nothing like "no problems found" (a false all-clear).
// Matching is case-insensitive substring matching, except that a purely numeric token ("3", "38") must
// stand alone (not inside 10.244.1.3, 30d, 3h1m, 38%, postgres-0): a count is a count, not a digit somewhere
// ("80:31380/TCP", "3/3" and "共9个" still match).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const argv = process.argv.slice(2);
const opt = (name, def) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : def; };
const setFile = argv.find((a, i) => !a.startsWith('--') && !(i > 0 && argv[i - 1].startsWith('--')));
const kubeconfig = opt('kubeconfig', process.env.KUBECONFIG);
const cli = opt('cli');
if (!setFile || !kubeconfig || !cli) {
  console.error('usage: node run-eval.mjs <set.jsonl> --kubeconfig <file> --cli <repo>/dist/cli.js [--out f] [--only ids] [--limit N] [--timeout s]');
  process.exit(2);
}
const timeoutMs = Number(opt('timeout', '60')) * 1000;
const outFile = opt('out', `${basename(setFile, '.jsonl')}.failures.jsonl`);
const only = opt('only') ? new Set(opt('only').split(',')) : null;
const limit = Number(opt('limit', '0'));

// Keys that echo the question or carry run metadata, not the answer.
const SKIP_KEYS = new Set(['question', 'requestId', 'computedAt', 'timings', 'args', 'planner', 'cluster', 'cached', 'durationMs', 'nameColumn', 'unhealthyRows']);
function flatten(v, out = [], key = '') {
  if (SKIP_KEYS.has(key)) return out;
  if (typeof v === 'string') out.push(v);
  else if (typeof v === 'number' && key !== '') out.push(String(v));
  else if (Array.isArray(v)) for (const x of v) flatten(x, out, key === 'rows' ? 'row' : '');
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) flatten(x, out, k);
  return out;
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function has(text, needle) {
  const n = needle.toLowerCase();
  if (/^\d+$/.test(n)) return new RegExp(`(?<![\\w.-])${n}(?![\\w.%-])`).test(text);
  return text.includes(n);
}

// "Nothing found" phrasing, English and Chinese (simplified and traditional). Checked on the headline only
// (summary and notes), never on tables or logs, which legitimately contain e.g. "No preemption victims found".
// "No object named X" for an object that exists is a false all-clear too: it tells on-call there is nothing there.
const ALL_CLEAR = [
  /\bno (?:problems?|issues?|errors?|findings?|failures?|faults?)\b/, /\bnothing (?:found|wrong|to report|unusual)\b/,
  /\bno\b[^.;\n]{0,40}\bfound\b/, /\ball (?:clear|good|healthy)\b/, /\beverything (?:looks |is |seems )?(?:fine|ok|okay|healthy|normal|good)\b/,
  /\blooks healthy\b/, /\bno unhealthy\b/, /\bnone found\b/, /\bno matching\b/, /\bno object named\b/, /没有名为/,
  /没有发现/, /未发现/, /没有找到/, /未找到/, /一切正常/, /均正常/, /都正常/, /没有问题/, /无异常/, /没有异常/,
  /沒有發現/, /未發現/, /沒有找到/, /沒有問題/, /一切正常/, /無異常/,
];
const isAllClear = (headline) => ALL_CLEAR.some((re) => re.test(headline));

function ask(q) {
  const r = spawnSync(process.execPath, [cli, 'ask', '--json', '--fresh', '--kubeconfig', kubeconfig, q], {
    encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
  });
  if (r.error) return { error: r.error.code === 'ETIMEDOUT' ? `timeout after ${timeoutMs / 1000}s` : String(r.error) };
  const s = r.stdout ?? '';
  const start = s.indexOf('{');
  if (start < 0) return { error: `no JSON (exit ${r.status}): ${(r.stderr || s).slice(0, 300)}` };
  try { return { answer: JSON.parse(s.slice(start)) }; } catch (e) { return { error: `bad JSON: ${e.message}: ${s.slice(0, 300)}` }; }
}

function score(c, a) {
  const e = c.expect;
  const refusal = typeof a.refusal === 'string' && a.refusal.trim() !== '' ? a.refusal : null;
  const executed = (a.calls ?? []).filter((x) => x && x.ok !== false).length;
  const hasData = (a.parts ?? []).length > 0 || executed > 0;
  if (e.refuse) {
    if (!refusal) return { pass: false, why: 'not refused' };
    if (hasData) return { pass: false, why: 'refused but data shown' };
    return { pass: true };
  }
  if (refusal) return { pass: false, why: 'false refusal', falseRefusal: true };
  const text = flatten(a).join('\n').toLowerCase();
  const why = [];
  for (const m of e.must ?? []) if (!has(text, m)) why.push(`missing "${m}"`);
  for (const g of e.any ?? []) if (!g.some((x) => has(text, x))) why.push(`none of [${g.join(' | ')}]`);
  for (const m of e.must_not ?? []) if (has(text, m)) why.push(`contains forbidden "${m}"`);
  let falseAllClear = false;
  if (e.not_all_clear) {
    const headline = [a.summary ?? '', ...(a.notes ?? []).map(String)].join('\n').toLowerCase();
    if (isAllClear(headline)) { falseAllClear = true; why.push('false all-clear'); }
  }
  return { pass: why.length === 0, why: why.join('; '), falseAllClear };
}

const cases = readFileSync(setFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l))
  .filter((c) => !only || only.has(c.id));
const run = limit > 0 ? cases.slice(0, limit) : cases;
const tally = { total: [0, 0], cat: {}, lang: {}, falseAllClear: 0, falseRefusal: 0, errors: 0 };
const bump = (m, k, p) => { m[k] ??= [0, 0]; m[k][0] += p ? 1 : 0; m[k][1] += 1; };
const failures = [];
for (const [i, c] of run.entries()) {
  const t0 = Date.now();
  const r = ask(c.q);
  let res;
  if (r.error) { res = { pass: false, why: `error: ${r.error}` }; tally.errors++; }
  else res = score(c, r.answer);
  if (res.falseAllClear) tally.falseAllClear++;
  if (res.falseRefusal) tally.falseRefusal++;
  tally.total[0] += res.pass ? 1 : 0; tally.total[1]++;
  bump(tally.cat, c.category, res.pass); bump(tally.lang, c.lang, res.pass);
  process.stderr.write(`[${i + 1}/${run.length}] ${res.pass ? 'PASS' : 'FAIL'} ${c.id} ${((Date.now() - t0) / 1000).toFixed(1)}s ${c.q}${res.pass ? '' : `  -> ${res.why}`}\n`);
  if (!res.pass) failures.push({ id: c.id, q: c.q, lang: c.lang, category: c.category, expect: c.expect, why: res.why,
    summary: r.answer?.summary ?? null, refusal: r.answer?.refusal ?? null, notes: r.answer?.notes ?? [], calls: (r.answer?.calls ?? []).map((x) => ({ tool: x.tool, args: x.args, ok: x.ok })) });
}
writeFileSync(outFile, failures.map((f) => JSON.stringify(f)).join('\n') + (failures.length ? '\n' : ''));
const pct = ([p, n]) => `${p}/${n} (${n ? ((100 * p) / n).toFixed(1) : '0.0'}%)`;
console.log(`\n${setFile}`);
console.log('per category:'); for (const k of Object.keys(tally.cat).sort()) console.log(`  ${k.padEnd(16)} ${pct(tally.cat[k])}`);
console.log('per language:'); for (const k of Object.keys(tally.lang).sort()) console.log(`  ${k.padEnd(16)} ${pct(tally.lang[k])}`);
console.log(`total            ${pct(tally.total)}`);
console.log(`false all-clears ${tally.falseAllClear}`);
console.log(`false refusals   ${tally.falseRefusal}`);
console.log(`errors/timeouts  ${tally.errors}`);
console.log(`failures written to ${outFile}`);
