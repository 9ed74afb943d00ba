import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./free-port.js";

export interface RedisServerOptions {
  /** Adds `--requirepass`; the url then carries it. */
  password?: string;
  /** Serves TLS only, with a fresh self-signed certificate for 127.0.0.1 (the url is then rediss://). */
  tls?: boolean;
}

/** A real redis-server on a free loopback port, with no persistence, that a test can stop and start again. */
export interface RedisServer {
  readonly port: number;
  /** redis://[:password@]127.0.0.1:port, or rediss:// with `tls` */
  readonly url: string;
  /** With `tls`: the certificate a client must trust (NODE_EXTRA_CA_CERTS). */
  readonly caFile?: string;
  /** Stops the server (the port stays reserved for `start`). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay open but nothing answers, like a hung Redis. */
  pause(): void;
  /** Thaws it (SIGCONT). */
  resume(): void;
  close(): Promise<void>;
}

export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  ensureRedisServerInstalled();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "k8helper-redis-"));
  const args = ["--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no"];
  const caFile = options.tls ? selfSignedCertificate(dir) : undefined;
  if (caFile) {
    const key = join(dir, "key.pem");
    args.push("--port", "0", "--tls-port", String(port), "--tls-cert-file", caFile, "--tls-key-file", key);
    args.push("--tls-ca-cert-file", caFile, "--tls-auth-clients", "no");
  } else {
    args.push("--port", String(port));
  }
  if (options.password) args.push("--requirepass", options.password);
  let child: ChildProcess | undefined;

  const start = async () => {
    child = await spawnRedis(args);
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGCONT");
    running.kill("SIGTERM");
    await exited;
  };

  await start();
  const auth = options.password ? `:${encodeURIComponent(options.password)}@` : "";
  return {
    port,
    url: `${caFile ? "rediss" : "redis"}://${auth}127.0.0.1:${port}`,
    caFile,
    start,
    stop,
    pause: () => child?.kill("SIGSTOP"),
    resume: () => child?.kill("SIGCONT"),
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The suite installs nothing itself (`.ci/run` does): a machine without redis-server is told what to install. */
export function ensureRedisServerInstalled(): void {
  if (hasRedisServer()) return;
  throw new Error(
    "redis-server is not installed: run .ci/run, which installs what the suite needs, or `apt-get install -y redis-server`",
  );
}

/** openssl ships with Debian images; Node has no API to issue a certificate. */
function selfSignedCertificate(dir: string): string {
  const cert = join(dir, "cert.pem");
  const subject = ["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"];
  const files = ["-keyout", join(dir, "key.pem"), "-out", cert];
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", ...subject, ...files],
    {
      stdio: "ignore",
    },
  );
  return cert;
}

function hasRedisServer(): boolean {
  try {
    execFileSync("redis-server", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function spawnRedis(args: string[]): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn("redis-server", args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`redis-server did not start within 10 s:\n${output}`));
    }, 10_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) {
        clearTimeout(timer);
        child.stdout?.removeAllListeners("data");
        child.stdout?.resume();
        resolve(child);
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
}
