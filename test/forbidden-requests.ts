import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The suite-wide check that K8Helper never sent a Secret read or a write: every simulated cluster, in every
 * vitest worker and every CLI child process, appends what it should never have received to a file in one
 * run-specific directory (K8HELPER_SIMULATOR_AUDIT_DIR, inherited by workers and children).
 */
export function startForbiddenRequestAudit(env: NodeJS.ProcessEnv = process.env): string {
  const dir = mkdtempSync(join(tmpdir(), "k8helper-forbidden-requests-"));
  env.K8HELPER_SIMULATOR_AUDIT_DIR = dir;
  return dir;
}

/** Every request reported in `dir`, one JSON object per line. */
export function forbiddenRequestsIn(dir: string): Record<string, unknown>[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".jsonl"))
    .flatMap((file) => readFileSync(join(dir, file), "utf8").split("\n").filter(Boolean))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Throws, failing the run, when any simulated cluster saw a forbidden request; removes the directory. */
export function finishForbiddenRequestAudit(dir: string): void {
  const seen = forbiddenRequestsIn(dir);
  rmSync(dir, { recursive: true, force: true });
  if (seen.length === 0) return;
  const shown = seen.slice(0, 20).map((entry) => `  ${JSON.stringify(entry)}`);
  throw new Error(
    `The simulated cluster received ${seen.length} request(s) K8Helper must never send (Secrets, or a verb other than GET besides the start-up access reviews):\n${shown.join("\n")}`,
  );
}
