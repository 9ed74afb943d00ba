import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { finishForbiddenRequestAudit, startForbiddenRequestAudit } from "./forbidden-requests.js";

/**
 * Tests that spawn the CLI run dist/: this builds a missing or stale one (`npm pack` and `npm run demo` build too).
 * The teardown fails the run when any simulated cluster received a Secret read or a write.
 */
export default function setup(): () => void {
  const built = existsSync("dist/cli.js") ? statSync("dist/cli.js").mtimeMs : 0;
  if (newestSource("src") > built) execFileSync("npm", ["run", "build"], { stdio: "inherit" });
  const auditDir = startForbiddenRequestAudit();
  return () => finishForbiddenRequestAudit(auditDir);
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}
