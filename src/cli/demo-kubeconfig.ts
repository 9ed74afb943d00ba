import { existsSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { CodedError } from "../core/errors.js";

const PROBE_TIMEOUT_MS = 1_000;

/** The demo's kubeconfig when --kubeconfig-out is not given: one per user, so two users' demos never share it. */
export function defaultDemoKubeconfig(): string {
  return join(tmpdir(), `k8helper-demo-${userInfo().username}.kubeconfig`);
}

/**
 * Refuses to overwrite a kubeconfig whose server still answers: it belongs to a demo running in another process,
 * and overwriting it would point that demo's users at this cluster without a word. A stale one is fine to replace.
 */
export async function assertKubeconfigFree(path: string): Promise<void> {
  if (!existsSync(path)) return;
  const server = serverOf(path);
  if (!server || !(await answers(server))) return;
  throw new CodedError(
    "config",
    `${path} points at ${server.origin}, a cluster another process is serving; stop that demo or pass --kubeconfig-out FILE`,
  );
}

function serverOf(path: string): URL | undefined {
  try {
    const config = parse(readFileSync(path, "utf8")) as { clusters?: { cluster?: { server?: string } }[] };
    const server = config?.clusters?.[0]?.cluster?.server;
    return server ? new URL(server) : undefined;
  } catch {
    return undefined;
  }
}

function answers(server: URL): Promise<boolean> {
  const port = Number(server.port || (server.protocol === "https:" ? 443 : 80));
  const host = server.hostname.replace(/^\[|\]$/g, "");
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: PROBE_TIMEOUT_MS });
    const done = (live: boolean) => {
      socket.destroy();
      resolve(live);
    };
    socket.once("connect", () => done(true));
    socket.once("timeout", () => done(false));
    socket.once("error", () => done(false));
  });
}
