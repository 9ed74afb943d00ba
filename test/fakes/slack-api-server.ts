import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { blockKitViolations } from "./slack-block-limits.js";
import { liveMarkupViolations } from "./slack-live-markup.js";
import { type RateLimitRules, SLACK_RATE_LIMITS, slackRateLimits } from "./slack-rate-limits.js";

/** One request the fake received: Web API method, file upload or response_url post. */
export interface SlackCall {
  method: string;
  params: Record<string, unknown>;
  token?: string;
  at: number;
}

export interface PostedMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text?: string;
  blocks?: Record<string, unknown>[];
  /** Every version of the message, first post included. */
  versions: { text?: string; blocks?: Record<string, unknown>[] }[];
  deleted?: boolean;
}

export interface InjectedFailure {
  /** 429 with Retry-After (seconds), a 500, or a Slack error string with HTTP 200 and ok:false. */
  status?: 429 | 500;
  retryAfter?: number;
  error?: string;
  times?: number;
  /** Only calls whose params match (e.g. the final answer's update, not a progress edit). */
  match?: (params: Record<string, unknown>) => boolean;
}

export interface FakeSlack {
  url: string;
  /** For clientOptions.slackApiUrl. */
  apiUrl: string;
  calls: SlackCall[];
  /** Limit violations of every message received, rate limits included (tests assert none). */
  violations: string[];
  /** Calls answered 429 because they went over Slack's rate limits (each is also a violation). */
  rateLimited: SlackCall[];
  messages: Map<string, PostedMessage>;
  uploads: Map<
    string,
    { filename: string; bytes: Buffer; completed: boolean; channel?: string; thread_ts?: string }
  >;
  botUserId: string;
  /** Conversations the bot is not a member of: posts there fail as Slack's do (not_in_channel, channel_not_found). */
  notMember: Set<string>;
  /** A response_url for `id`, issued now: 5 uses within 30 minutes, as Slack allows. */
  responseUrl(id: string): string;
  /** Makes `id`'s response_url expired (as if 30 minutes had passed). */
  expireResponseUrl(id: string): void;
  callsTo(method: string): SlackCall[];
  failNext(method: string, failure: InjectedFailure): void;
  socketModeUrl?: string;
  close(): Promise<void>;
}

/** Milliseconds since the epoch with sub-millisecond precision (benchmarks time answers by these). */
const now = () => performance.timeOrigin + performance.now();

const MESSAGE_METHODS = new Set(["chat.postMessage", "chat.update", "chat.postEphemeral"]);
const RESPONSE_URL_USES = 5;
const RESPONSE_URL_TTL_MS = 30 * 60 * 1_000;

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Form fields as Slack reads them: `blocks` and `attachments` arrive as JSON strings. */
function parseParams(body: Buffer, contentType: string | undefined): Record<string, unknown> {
  if (body.length === 0) return {};
  if (contentType?.includes("application/json"))
    return JSON.parse(body.toString("utf8")) as Record<string, unknown>;
  const params: Record<string, unknown> = Object.fromEntries(new URLSearchParams(body.toString("utf8")));
  for (const field of ["blocks", "attachments", "files", "view"]) {
    if (typeof params[field] === "string") params[field] = JSON.parse(params[field] as string);
  }
  return params;
}

/** The file's bytes: the Web API client posts them as multipart form data, or raw. */
async function uploadedBytes(body: Buffer, contentType: string | undefined): Promise<Buffer> {
  if (!contentType?.startsWith("multipart/form-data")) return body;
  const form = await new Response(new Uint8Array(body), {
    headers: { "content-type": contentType },
  }).formData();
  for (const value of form.values()) {
    if (typeof value !== "string") return Buffer.from(await value.arrayBuffer());
  }
  return Buffer.alloc(0);
}

/** A Slack Web API over HTTP that records every call and checks every message against Slack's limits. */
export async function startFakeSlack(
  options: { botToken?: string; appToken?: string; rateLimits?: RateLimitRules } = {},
): Promise<FakeSlack> {
  const botToken = options.botToken ?? "xoxb-test-token";
  const appToken = options.appToken ?? "xapp-test-token";
  const failures = new Map<string, InjectedFailure>();
  const responseUrls = new Map<string, { issued: number; uses: number }>();
  const rateLimits = slackRateLimits(options.rateLimits ?? SLACK_RATE_LIMITS);
  let nextTs = 1_700_000_000_000;
  let nextFile = 1;
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fake: FakeSlack = {
    url,
    apiUrl: `${url}/api/`,
    calls: [],
    violations: [],
    rateLimited: [],
    messages: new Map(),
    uploads: new Map(),
    botUserId: "UBOT",
    notMember: new Set(),
    responseUrl: (id) => {
      responseUrls.set(id, { issued: now(), uses: 0 });
      return `${url}/response/${id}`;
    },
    expireResponseUrl: (id) => {
      const issued = responseUrls.get(id);
      if (issued) issued.issued -= RESPONSE_URL_TTL_MS;
    },
    callsTo: (method) => fake.calls.filter((call) => call.method === method),
    failNext: (method, failure) => failures.set(method, { times: 1, ...failure }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const send = (
    response: ServerResponse,
    body: unknown,
    status = 200,
    headers: Record<string, string> = {},
  ) => {
    response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
  };

  const check = (where: string, message: Record<string, unknown>) => {
    for (const problem of [...blockKitViolations(message), ...liveMarkupViolations(message)])
      fake.violations.push(`${where}: ${problem}`);
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const path = new URL(request.url ?? "/", url).pathname;
    const token = request.headers.authorization?.replace(/^Bearer /, "");
    if (path.startsWith("/upload/")) {
      const upload = fake.uploads.get(path.slice("/upload/".length));
      fake.calls.push({ method: "upload", params: { path, bytes: body.length }, token, at: now() });
      if (!upload) return void response.writeHead(404).end("no such upload");
      upload.bytes = await uploadedBytes(body, request.headers["content-type"]);
      return void response.writeHead(200, { "content-type": "text/plain" }).end(`OK - ${body.length}`);
    }
    if (path.startsWith("/response/")) {
      const params = parseParams(body, request.headers["content-type"]);
      const id = path.slice(10);
      fake.calls.push({ method: "response_url", params: { ...params, id }, at: now() });
      check(`response_url ${path}`, params);
      const issued = responseUrls.get(id);
      if (!issued || now() - issued.issued > RESPONSE_URL_TTL_MS) {
        fake.violations.push(`response_url ${id}: expired or never issued`);
        return void send(response, { ok: false, error: "expired_url" }, 404);
      }
      if (++issued.uses > RESPONSE_URL_USES) {
        fake.violations.push(`response_url ${id}: used more than ${RESPONSE_URL_USES} times`);
        return void send(response, { ok: false, error: "used_url" }, 404);
      }
      return void send(response, { ok: true });
    }
    const method = path.replace(/^\/api\//, "");
    const params = parseParams(body, request.headers["content-type"]);
    const callToken = token ?? (params.token as string | undefined);
    const call = { method, params, token: callToken, at: now() };
    fake.calls.push(call);
    const ratelimited = (retryAfterSeconds: number) =>
      send(response, { ok: false, error: "ratelimited" }, 429, { "retry-after": String(retryAfterSeconds) });
    const failure = failures.get(method);
    if (failure && (failure.times ?? 1) > 0 && (failure.match?.(params) ?? true)) {
      failure.times = (failure.times ?? 1) - 1;
      if (failure.status === 500) return void send(response, { ok: false, error: "internal_error" }, 500);
      if (failure.status === 429) {
        rateLimits.limited(method, params, failure.retryAfter ?? 1, call.at);
        return void ratelimited(failure.retryAfter ?? 1);
      }
      return void send(response, { ok: false, error: failure.error ?? "internal_error" });
    }
    const expected = method === "apps.connections.open" ? appToken : botToken;
    if (callToken !== expected) return void send(response, { ok: false, error: "invalid_auth" });
    const overLimit = rateLimits.check(method, params, call.at);
    if (overLimit) {
      fake.rateLimited.push(call);
      fake.violations.push(`rate limit: ${overLimit.reason}`);
      return void ratelimited(overLimit.retryAfterSeconds);
    }
    if (MESSAGE_METHODS.has(method) && fake.notMember.has(params.channel as string)) {
      const error = (params.channel as string).startsWith("D") ? "channel_not_found" : "not_in_channel";
      return void send(response, { ok: false, error });
    }
    if (MESSAGE_METHODS.has(method)) check(`${method}`, params);
    // The App Home view is checked like a message: Block Kit limits, no live markup.
    if (method === "views.publish") {
      const view = (params.view ?? {}) as Record<string, unknown>;
      if (view.type !== "home" || typeof params.user_id !== "string")
        fake.violations.push("views.publish: not a home view for a user");
      check(method, { text: "home", blocks: view.blocks });
    }
    if (method === "files.completeUploadExternal")
      for (const problem of liveMarkupViolations(params)) fake.violations.push(`${method}: ${problem}`);
    send(response, answer(method, params));
  }

  function answer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    const channel = params.channel as string;
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://fake.slack/",
          team: "Fake",
          user: "k8helper",
          team_id: "T1",
          user_id: fake.botUserId,
          bot_id: "BBOT",
        };
      case "apps.connections.open":
        return fake.socketModeUrl
          ? { ok: true, url: fake.socketModeUrl }
          : { ok: false, error: "socket_mode_off" };
      case "chat.postMessage": {
        const ts = `${Math.floor(nextTs / 1000)}.${String(nextTs++ % 1000).padStart(6, "0")}`;
        const message = { text: params.text as string, blocks: params.blocks as Record<string, unknown>[] };
        fake.messages.set(ts, {
          channel,
          ts,
          thread_ts: params.thread_ts as string | undefined,
          ...message,
          versions: [message],
        });
        return { ok: true, channel, ts, message: { ...message, ts } };
      }
      case "chat.update": {
        const existing = fake.messages.get(params.ts as string);
        if (!existing || existing.channel !== channel) return { ok: false, error: "message_not_found" };
        const version = { text: params.text as string, blocks: params.blocks as Record<string, unknown>[] };
        Object.assign(existing, version);
        existing.versions.push(version);
        return { ok: true, channel, ts: existing.ts, text: version.text };
      }
      case "chat.delete": {
        const existing = fake.messages.get(params.ts as string);
        if (!existing) return { ok: false, error: "message_not_found" };
        existing.deleted = true;
        return { ok: true, channel, ts: existing.ts };
      }
      case "chat.postEphemeral":
        return { ok: true, message_ts: `${Date.now() / 1000}` };
      case "views.publish":
        return { ok: true, view: { id: `V${nextFile++}`, ...(params.view as Record<string, unknown>) } };
      case "files.getUploadURLExternal": {
        const id = `F${nextFile++}`;
        fake.uploads.set(id, {
          filename: params.filename as string,
          bytes: Buffer.alloc(0),
          completed: false,
        });
        return { ok: true, upload_url: `${url}/upload/${id}`, file_id: id };
      }
      case "files.completeUploadExternal": {
        const files = (params.files as { id: string; title?: string }[]) ?? [];
        for (const file of files) {
          const upload = fake.uploads.get(file.id);
          if (!upload) return { ok: false, error: "file_not_found" };
          Object.assign(upload, { completed: true, channel: params.channel_id, thread_ts: params.thread_ts });
        }
        return { ok: true, files: files.map((file) => ({ id: file.id, title: file.title })) };
      }
      default:
        return { ok: false, error: "unknown_method" };
    }
  }

  return fake;
}
