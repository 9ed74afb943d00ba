import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { dirname, join, resolve } from "node:path";
import type { TLSSocket } from "node:tls";
import { fileURLToPath } from "node:url";
import { simulatorAuditDir } from "../config/simulator-audit.js";
import type { KubeObject } from "../core/ports.js";
import { basicUserRules } from "./access-reviews.js";
import { type ApiState, handleApiRequest } from "./api-handler.js";
import { ApiStatusError, badRequest, unauthorized } from "./api-status.js";
import { FaultInjector, injectedStatusReason } from "./fault-injector.js";
import { writeKubeconfig } from "./kubeconfig.js";
import { ObjectStore } from "./object-store.js";
import { advanceEvents, ongoingEvents } from "./ongoing-events.js";
import { decodeReviewSpec } from "./protobuf-review.js";
import { loadRbacRules, type PolicyRule } from "./rbac.js";
import { forbiddenRequestReason, reportForbiddenRequest } from "./request-audit.js";
import { decodeRequestPath } from "./request-path.js";
import type { ApiReply } from "./resource-reads.js";
import { builtinTypes } from "./resource-types.js";
import { buildSampleCluster } from "./sample-data.js";
import { createServingCertificate } from "./serving-certificate.js";
import type { LoadedSnapshot } from "./snapshot/load-snapshot.js";

export { FaultInjector, type FaultSpec } from "./fault-injector.js";

export interface SimulatedClusterOptions {
  port?: number;
  seed?: number;
  pods?: number;
  rbacRulesFile?: string;
  /**
   * Rules granted on top of the file, as the chart's `rbac.extraReadRules` adds them for custom
   * resources. Default: get/list on the demo's widgets.example.com.
   */
  extraReadRules?: PolicyRule[];
  kubeconfigOut?: string;
  contextName?: string;
  /**
   * Where requests K8Helper must never send (Secrets, writes) are reported; default: the test suite's directory
   * (`simulatorAuditDir`), none outside tests.
   */
  forbiddenRequestsDir?: string;
  /**
   * Set only by tests that send such requests themselves, to show what the simulator or a real server does
   * with them: their requests are not K8Helper's and are not reported.
   */
  probedOnPurpose?: boolean;
  /** Log lines that replace a sample container's current log, keyed `namespace/pod/container` (benchmarks). */
  logOverrides?: Record<string, string[]>;
  /** Objects served besides the sample cluster's (tests put theirs in namespaces of their own). */
  extraObjects?: KubeObject[];
  /** Serve this snapshot instead of the sample data, with its clock at the moment it was taken. */
  snapshot?: LoadedSnapshot;
  /** Events of faults still going on recur as time passes (the demo commands; tests get a still cluster). */
  liveEvents?: boolean;
  /** The wall clock; tests move their own. Default: Date.now. */
  clock?: () => number;
}

export interface RecordedRequest {
  method: string;
  /** As the server routed it: percent-decoded, dot segments resolved (see decodeRequestPath). */
  path: string;
  query: Record<string, string>;
  status: number;
  user: string;
  /** SHA-256 fingerprint of the client certificate the TLS connection presented, if any. */
  clientCertificate?: string;
}

export interface SimulatedCluster {
  url: string;
  kubeconfigPath: string;
  contextName: string;
  requests: RecordedRequest[];
  faults: FaultInjector;
  /** The server's clock: the real time for the demo, the snapshot's moment (plus time since start) for a snapshot. */
  now(): number;
  close(): Promise<void>;
}

/** The identity the kubeconfig's token stands for: the ServiceAccount the Helm chart binds to the rules. */
export const demoUser = "system:serviceaccount:k8helper:k8helper";

const maxBodyBytes = 1024 * 1024;

/** What an operator adds through `rbac.extraReadRules` so K8Helper can read the demo's custom resource. */
export const demoCustomResourceRules: PolicyRule[] = [
  { apiGroups: ["example.com"], resources: ["widgets"], verbs: ["get", "list"] },
];

/** The package root, found from this file whether it runs from src/ (tsx) or dist/. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (dir !== dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "k8helper") return dir;
    dir = dirname(dir);
  }
  throw new Error("cannot find the k8helper package root");
}

/** A snapshot's custom resources are readable as the chart's extraReadRules would make them (never Secrets). */
function snapshotCustomResourceRules(snapshot: LoadedSnapshot): PolicyRule[] {
  return snapshot.types.types
    .filter((t) => builtinTypes.find(t.group, t.version, t.plural) === undefined)
    .map((t) => ({ apiGroups: [t.group], resources: [t.plural], verbs: ["get", "list", "watch"] }));
}

export function defaultRbacRulesFile(): string {
  return join(packageRoot(), "chart", "k8helper", "files", "readonly-rules.yaml");
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw badRequest("request body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Decodes the body only when a handler needs it: authorisation comes first, as on a real server. */
function bodyDecoder(raw: Buffer, contentType: string | undefined): (resource: string) => unknown {
  return (resource) => {
    if (raw.length === 0) return undefined;
    if (contentType?.startsWith("application/vnd.kubernetes.protobuf"))
      return decodeReviewSpec(raw, resource);
    if (contentType && !contentType.startsWith("application/json")) {
      throw new ApiStatusError(
        415,
        "UnsupportedMediaType",
        `the body of the request was in an unknown format - accepted media types include: application/json, application/vnd.kubernetes.protobuf`,
      );
    }
    try {
      return JSON.parse(raw.toString("utf8"));
    } catch {
      throw badRequest("the request body is not valid JSON");
    }
  };
}

function statusReply(error: ApiStatusError): ApiReply {
  return { status: error.code, body: JSON.stringify(error.toStatus()), contentType: "application/json" };
}

/** Starts the simulated cluster on 127.0.0.1 and writes a kubeconfig whose token the server accepts. */
export async function startSimulatedCluster(
  options: SimulatedClusterOptions = {},
): Promise<SimulatedCluster> {
  const wall = options.clock ?? Date.now;
  const started = wall();
  const snapshot = options.snapshot;
  const now = snapshot ? () => snapshot.takenAt + (wall() - started) : () => wall();
  const sample =
    snapshot ?? buildSampleCluster({ seed: options.seed ?? 1, now: started, pods: options.pods });
  for (const [key, lines] of Object.entries(options.logOverrides ?? {}))
    sample.logs.set(key, {
      current: lines.map((text, i) => ({ at: started - (lines.length - i) * 1000, text })),
    });
  const rules = [
    ...loadRbacRules(resolve(options.rbacRulesFile ?? defaultRbacRulesFile())),
    ...(options.extraReadRules ??
      (snapshot ? snapshotCustomResourceRules(snapshot) : demoCustomResourceRules)),
    ...basicUserRules,
  ];
  const ongoing =
    options.liveEvents && !snapshot
      ? ongoingEvents(
          sample.objects.filter((object) => object.kind === "Event"),
          started,
        )
      : [];
  const token = randomBytes(24).toString("hex");
  const requests: RecordedRequest[] = [];
  const faults = new FaultInjector();
  const state: ApiState = {
    rules,
    serverAddress: "",
    types: snapshot?.types,
    version: snapshot?.version,
    read: {
      store: new ObjectStore([...sample.objects, ...(options.extraObjects ?? [])], snapshot?.types),
      logs: sample.logs,
      capturedOnly: snapshot !== undefined,
      serverId: randomBytes(6).toString("hex"),
      resourceVersion: String(1000 + sample.objects.length),
    },
  };

  const reportDir = options.probedOnPurpose
    ? undefined
    : (options.forbiddenRequestsDir ?? simulatorAuditDir());

  async function respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://simulated");
    const query = Object.fromEntries(url.searchParams);
    let pathError: ApiStatusError | undefined;
    let path = url.pathname;
    try {
      path = decodeRequestPath(request.url ?? "/");
    } catch (error) {
      pathError = error as ApiStatusError;
    }
    const record: RecordedRequest = {
      method: request.method ?? "GET",
      path,
      query,
      status: 0,
      user: "system:anonymous",
      clientCertificate: (request.socket as TLSSocket).getPeerCertificate?.()?.fingerprint256 || undefined,
    };
    requests.push(record);
    const forbidden = reportDir && forbiddenRequestReason(record.method, path);
    if (reportDir && forbidden)
      reportForbiddenRequest(reportDir, {
        reason: forbidden,
        method: record.method,
        path,
        sent: request.url,
        server: state.serverAddress,
      });
    const fault = faults.forPath(`${path}${url.search}`);
    if (fault?.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
    if (fault?.dropConnection) {
      request.socket.destroy();
      return;
    }
    let reply: ApiReply;
    try {
      if (pathError) throw pathError;
      if (fault?.status)
        throw new ApiStatusError(
          fault.status,
          injectedStatusReason(fault.status),
          `injected fault: ${fault.status}`,
        );
      if (request.headers.authorization !== `Bearer ${token}`) throw unauthorized();
      record.user = demoUser;
      const body = bodyDecoder(await readBody(request), request.headers["content-type"]);
      advanceEvents(state.read.store, ongoing, now());
      reply = handleApiRequest(
        state,
        {
          method: record.method,
          path,
          query,
          accept: String(request.headers.accept ?? ""),
          body,
          user: demoUser,
        },
        now(),
      );
    } catch (error) {
      reply = statusReply(
        error instanceof ApiStatusError
          ? error
          : new ApiStatusError(500, "InternalError", "an internal error occurred in the simulated cluster"),
      );
    }
    record.status = reply.status;
    response.writeHead(reply.status, {
      "Content-Type": reply.contentType,
      "Content-Length": Buffer.byteLength(reply.body),
      "Cache-Control": "no-cache, private",
    });
    response.end(record.method === "HEAD" ? undefined : reply.body);
  }

  const tls = createServingCertificate("k8helper-demo-cluster");
  // Client certificates are asked for, not verified (the token authenticates), so tests can see them.
  const serverOptions = { cert: tls.certPem, key: tls.keyPem, requestCert: true, rejectUnauthorized: false };
  const server = createServer(serverOptions, (request, response) => {
    respond(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const url = `https://127.0.0.1:${port}`;
  state.serverAddress = `127.0.0.1:${port}`;
  const contextName = options.contextName ?? "k8helper-demo";
  const kubeconfigPath = writeKubeconfig({
    url,
    token,
    contextName,
    caPem: tls.certPem,
    path: options.kubeconfigOut,
  });
  return {
    url,
    kubeconfigPath,
    contextName,
    requests,
    faults,
    now,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
