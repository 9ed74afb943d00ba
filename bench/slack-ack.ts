/**
 * The Slack bot in HTTP mode on the simulated cluster with the offline planner: (1) /k8s ack latency with
 * 100 signed commands in flight at once (p50, p99), next to the same load against a bare Node HTTP server
 * (what this machine allows); (2) command → final chat.update (the answer in place), first asks and cached
 * repeats; (3) rendering a 10,000-pod answer to Block Kit.
 * Three processes, as in production: the bot (Bolt, pipeline, cluster client), the world outside it (Slack's Web API,
 * the fake from test/fakes, and the simulated cluster's API server), and a load generator that only sends commands
 * and times the acks.
 */
import { type ChildProcess, fork } from "node:child_process";
import { createServer as createBareServer, Agent as HttpAgent, request as httpRequest } from "node:http";
import { fileURLToPath } from "node:url";
import { App } from "@slack/bolt";
import { createMemoryCache } from "../src/adapters/cache/memory-cache.js";
import { createMemoryRateLimiter } from "../src/adapters/cache/memory-rate-limiter.js";
import { channelScopesFrom } from "../src/config/channels.js";
import { loadConfig } from "../src/config/load-config.js";
import { buildContainer, type Container } from "../src/container.js";
import { silentLogger } from "../src/core/ports.js";
import { startSimulatedCluster } from "../src/demo/cluster-server.js";
import { createHttpServer } from "../src/frontends/http/server.js";
import { createSlackApp } from "../src/frontends/slack/app.js";
import { renderAnswerMessage } from "../src/frontends/slack/blocks/answer-message.js";
import { renderAnswerDetails } from "../src/frontends/slack/blocks/detail-messages.js";
import type { SlackDeps } from "../src/frontends/slack/slack-deps.js";
import { type FakeSlack, startFakeSlack } from "../test/fakes/slack-api-server.js";
import { commandForm, postSigned, slackSignature } from "../test/fakes/slack-payloads.js";
import { startTestStack } from "../test/helpers/answer-service.js";
import { freePort } from "../test/helpers/free-port.js";
import { question } from "../test/helpers/question.js";
import { type Figure, reportFigures } from "./lib/report.js";
import { median, percentile, timeRuns } from "./lib/stats.js";

const SECRET = "bench-signing-secret";
const CONCURRENT = 100;
const ACK_ROUNDS = 16;
const KINDS = ["pods", "services", "deployments", "configmaps", "events"];
const NAMESPACES = ["kube-system", "payments", "shop"];
const QUESTIONS = NAMESPACES.flatMap((ns) => KINDS.map((kind) => `${kind} in ${ns}`));

/** What the bot process asks of the other two. */
type Request =
  | { kind: "round"; url: string; bodies: string[] }
  | { kind: "commands"; count: number }
  | { kind: "wait-answered"; channels: string[] }
  | { kind: "answer-times"; url: string }
  | { kind: "violations" }
  | { kind: "exit" };

// ---------- Slack's Web API (a child process) ----------

let channelSeq = 0;
function command(slack: FakeSlack, text: string) {
  const channel = `C0B${++channelSeq}`;
  return { channel, body: commandForm({ text, channel, responseUrl: slack.responseUrl(channel) }) };
}

/**
 * When the message in `channel` got its final version (the one with buttons): the placeholder's update, or
 * the answer posted itself when Slack's budget left no room for a placeholder.
 */
function answeredAt(slack: FakeSlack, channel: string): number | undefined {
  return slack.calls.find(
    (call) =>
      (call.method === "chat.update" || call.method === "chat.postMessage") &&
      call.params.channel === channel &&
      JSON.stringify(call.params.blocks).includes("k8s_refresh"),
  )?.at;
}

async function until(check: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for answers");
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

function post(url: string, body: string) {
  return postSigned(url, SECRET, body, { contentType: "application/x-www-form-urlencoded" });
}

/** One command at a time, timed from sending to the final chat.update this process receives. */
async function answerTimes(slack: FakeSlack, url: string): Promise<number[]> {
  const times: number[] = [];
  for (const text of QUESTIONS) {
    const { channel, body } = command(slack, text);
    const started = performance.timeOrigin + performance.now();
    await post(url, body);
    await until(() => answeredAt(slack, channel) !== undefined);
    times.push(answeredAt(slack, channel)! - started);
  }
  return times;
}

async function runSlackApi(): Promise<void> {
  const slack = await startFakeSlack();
  const cluster = await startSimulatedCluster();
  process.send?.({ apiUrl: slack.apiUrl, kubeconfigPath: cluster.kubeconfigPath });
  process.on("message", async (request: Request) => {
    if (request.kind === "exit") {
      await slack.close();
      await cluster.close();
      process.exit(0);
    } else if (request.kind === "commands") {
      process.send?.(
        Array.from({ length: request.count }, (_, i) => command(slack, QUESTIONS[i % QUESTIONS.length])),
      );
    } else if (request.kind === "wait-answered") {
      await until(() => request.channels.every((channel) => answeredAt(slack, channel) !== undefined));
      process.send?.("answered");
    } else if (request.kind === "answer-times") {
      process.send?.(await answerTimes(slack, request.url));
    } else if (request.kind === "violations") {
      process.send?.(slack.violations);
    }
  });
}

// ---------- The load generator (a child process) ----------

/**
 * Signs every body before the clock starts and sends over keep-alive node:http connections, so the figure is the
 * server's time to ack rather than the generator's own work (as Slack's many senders would not share one loop).
 */
function runLoadGenerator(): void {
  const agent = new HttpAgent({ keepAlive: true, maxSockets: CONCURRENT });
  process.send?.({ ready: true });
  process.on("message", async (request: Request) => {
    if (request.kind === "exit") process.exit(0);
    if (request.kind !== "round") return;
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signed = request.bodies.map((body) => ({
      body,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "content-length": String(Buffer.byteLength(body)),
        "x-slack-request-timestamp": timestamp,
        "x-slack-signature": slackSignature(SECRET, Number(timestamp), body),
      },
    }));
    const latencies = await Promise.all(
      signed.map(
        ({ body, headers }) =>
          new Promise<number>((resolve, reject) => {
            const started = performance.now();
            const outgoing = httpRequest(request.url, { method: "POST", headers, agent }, (response) => {
              response.resume();
              response.on("end", () => {
                if (response.statusCode !== 200) reject(new Error(`ack status ${response.statusCode}`));
                else resolve(performance.now() - started);
              });
            });
            outgoing.on("error", reject);
            outgoing.end(body);
          }),
      ),
    );
    process.send?.(latencies);
  });
}

// ---------- The bot's side (this process) ----------

function ask<T>(child: ChildProcess, request: Request): Promise<T> {
  return new Promise((resolve) => {
    child.once("message", (reply) => resolve(reply as T));
    child.send(request);
  });
}

function startChild<T>(role: string): Promise<{ child: ChildProcess; hello: T }> {
  const child = fork(fileURLToPath(import.meta.url), [role], { execArgv: ["--import", "tsx"] });
  return new Promise((resolve) => child.once("message", (hello) => resolve({ child, hello: hello as T })));
}

/** Rounds of 100 concurrent commands; round 0 warms up connections, Bolt and the JIT and is not counted. */
async function ackLatencies(
  load: ChildProcess,
  slackApi: ChildProcess,
  url: string,
  waitForAnswers: boolean,
) {
  const latencies: number[] = [];
  for (let round = 0; round < ACK_ROUNDS; round++) {
    const commands = await ask<{ channel: string; body: string }[]>(slackApi, {
      kind: "commands",
      count: CONCURRENT,
    });
    const acks = await ask<number[]>(load, { kind: "round", url, bodies: commands.map((c) => c.body) });
    if (round > 0) latencies.push(...acks);
    if (waitForAnswers)
      await ask(slackApi, { kind: "wait-answered", channels: commands.map((c) => c.channel) });
  }
  return latencies;
}

/** The same load against a server that only reads the body and answers 200: the machine's floor. */
async function floorLatencies(load: ChildProcess, slackApi: ChildProcess): Promise<number[]> {
  const server = createBareServer((request, response) => {
    request.resume();
    request.on("end", () => response.end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  const latencies = await ackLatencies(load, slackApi, `http://127.0.0.1:${port}/`, false);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  return latencies;
}

/** The same load against Bolt alone: a /k8s listener that only acks, so Bolt's own cost shows apart from ours. */
async function boltOnlyLatencies(load: ChildProcess, slackApi: ChildProcess, apiUrl: string) {
  const app = new App({
    signingSecret: SECRET,
    token: "xoxb-test-token",
    deferInitialization: true,
    clientOptions: { slackApiUrl: apiUrl },
    convoStore: false, // as src/frontends/slack/app.ts configures it
  });
  app.command("/k8s", async ({ ack }) => {
    await ack();
  });
  await app.init();
  const port = await freePort();
  await app.start(port);
  const latencies = await ackLatencies(load, slackApi, `http://127.0.0.1:${port}/slack/events`, false);
  await app.stop();
  return latencies;
}

/**
 * As deployed in HTTP mode (src/main.ts): Bolt's HTTPReceiver handed /slack/events by the web server, whose
 * Express app serves /api/v1, /metrics and the page on the same port.
 */
async function sharedServerAcks(
  container: Container,
  slackDeps: SlackDeps,
  measureAt: (eventsUrl: string) => Promise<number[]>,
): Promise<number[]> {
  const bot = createSlackApp(slackDeps, { sharedServer: true });
  const server = await createHttpServer({
    answers: container.answers,
    settings: { ...container.config.server, port: await freePort() },
    rateLimiter: container.rateLimiter,
    limits: { userPerMinute: 1_000_000 },
    readiness: () => container.readiness(),
    metrics: container.metrics.registry,
    logger: silentLogger,
    earlyRoutes: [bot.eventsRoute!],
  }).listen();
  await bot.start();
  try {
    return await measureAt(`${server.url}/slack/events`);
  } finally {
    await server.close();
  }
}

async function measure(): Promise<Figure[]> {
  const { child: slackApi, hello } = await startChild<{ apiUrl: string; kubeconfigPath: string }>(
    "--slack-api",
  );
  const { child: load } = await startChild("--load-generator");
  const { apiUrl } = hello;
  const floor = await floorLatencies(load, slackApi);
  const boltOnly = await boltOnlyLatencies(load, slackApi, apiUrl);

  const config = loadConfig({
    env: { KUBECONFIG: hello.kubeconfigPath, LOG_LEVEL: "silent" },
    dotenvPath: "/nonexistent/.env",
  });
  const container = await buildContainer(config, { logger: silentLogger, agent: null });
  const slackDeps = {
    settings: { botToken: "xoxb-test-token", signingSecret: SECRET, apiUrl },
    answers: container.answers,
    rateLimiter: createMemoryRateLimiter(),
    dedup: createMemoryCache({ maxBytes: 16 * 1024 * 1024 }),
    channels: channelScopesFrom({}),
    logger: silentLogger,
    limits: { userPerMinute: 1_000_000 },
  };
  const bot = createSlackApp(slackDeps);
  const port = await freePort();
  await bot.start(port);
  const url = `http://127.0.0.1:${port}/slack/events`;
  // Answer times first, while the answer cache is empty; then the same questions from the cache.
  const first = await ask<number[]>(slackApi, { kind: "answer-times", url });
  const repeat = await ask<number[]>(slackApi, { kind: "answer-times", url });
  const acks = await ackLatencies(load, slackApi, url, true);
  await bot.stop();
  const sharedAcks = await sharedServerAcks(container, slackDeps, (events) =>
    ackLatencies(load, slackApi, events, true),
  );
  const violations = await ask<string[]>(slackApi, { kind: "violations" });
  if (violations.length > 0) throw new Error(`Slack limits broken: ${violations.slice(0, 3).join("; ")}`);
  for (const child of [load, slackApi]) child.send({ kind: "exit" } satisfies Request);
  await container.close();

  const big = await startTestStack({ cluster: { pods: 10_000 } });
  const answer = await big.answers.answer(question("pods in all namespaces"));
  await big.close();
  const rows = answer.parts.reduce((sum, part) => sum + (part.type === "table" ? part.rows.length : 0), 0);
  const render = await timeRuns(() => renderAnswerMessage(answer, { now: Date.now() }), 50, 5);
  const shown = renderAnswerMessage(answer, { now: Date.now() }).shown;
  const details = await timeRuns(() => renderAnswerDetails(answer, shown), 10, 2);

  const bench = "slack-ack";
  const note = `${acks.length} acks; baseline: bare HTTP server, same load`;
  return [
    {
      bench,
      name: `/k8s ack p50 (${CONCURRENT} concurrent, HTTP)`,
      value: percentile(acks, 50),
      baseline: percentile(floor, 50),
      unit: "ms",
      note,
    },
    {
      bench,
      name: `/k8s ack p99 (${CONCURRENT} concurrent, HTTP)`,
      value: percentile(acks, 99),
      baseline: percentile(floor, 99),
      unit: "ms",
      goal: "≤ 25 ms",
    },
    {
      bench,
      name: `/k8s ack p50 (${CONCURRENT} concurrent), on the web server's port`,
      value: percentile(sharedAcks, 50),
      baseline: percentile(floor, 50),
      unit: "ms",
      note: "as deployed in HTTP mode: Bolt's receiver before the web server's Express app",
    },
    {
      bench,
      name: `/k8s ack p99 (${CONCURRENT} concurrent), on the web server's port`,
      value: percentile(sharedAcks, 99),
      baseline: percentile(floor, 99),
      unit: "ms",
      goal: "≤ 25 ms",
    },
    {
      bench,
      name: "/k8s ack p50, Bolt alone (listener only acks)",
      value: percentile(boltOnly, 50),
      baseline: percentile(floor, 50),
      unit: "ms",
      note: "where the time goes: the bare server, then Bolt, then Bolt + answering",
    },
    {
      bench,
      name: "/k8s ack p99, Bolt alone (listener only acks)",
      value: percentile(boltOnly, 99),
      baseline: percentile(floor, 99),
      unit: "ms",
    },
    {
      bench,
      name: "command → final chat.update, first ask (median)",
      value: median(first),
      unit: "ms",
      note: `${first.length} questions, offline planner`,
    },
    { bench, name: "command → final chat.update, cached (median)", value: median(repeat), unit: "ms" },
    {
      bench,
      name: `render a ${rows.toLocaleString("en-US")}-row answer to blocks (median)`,
      value: median(render),
      unit: "ms",
      goal: "≤ 30 ms",
    },
    { bench, name: "render its Details: every row to a file (median)", value: median(details), unit: "ms" },
  ];
}

// A child always gets its role; an unknown one must fail, never fall through to measure() and fork again.
const role = process.argv.find((arg) => arg.startsWith("--") && arg !== "--json");
if (role === "--slack-api") await runSlackApi();
else if (role === "--load-generator") runLoadGenerator();
else if (role) throw new Error(`unknown role ${role}`);
else await reportFigures(measure);
