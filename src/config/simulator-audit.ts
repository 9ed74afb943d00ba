/**
 * Where simulated clusters report requests K8Helper must never send (a Secret read, a write). Set by the test
 * suite's global setup, so every simulated cluster in every worker and child process reports to one place.
 */
export function simulatorAuditDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.K8HELPER_SIMULATOR_AUDIT_DIR || undefined;
}
