/**
 * The Slack bot in HTTP mode on the simulated cluster with the offline planner: (1) /k8s ack latency with
 * 100 signed commands in flight at once (p50, p99), sent from a separate load-generator process, next to the
 * same load against a bare Node HTTP server (the machine's floor); (2) command → final chat.update (the answer
 * in place), first asks and cached repeats; (3) rendering a 10,000-pod answer to Block Kit.
 * Slack is the fake Web API from test/fakes; the Bolt app, pipeline and cluster client are the real ones.
 */
import { type ChildProcess, fork } from "node:child_process";
import { createServer as createHttpServer } from "node:http";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { createMemoryCache } from "../src/adapters/cache/memory-cache.js";
import { createMemoryRateLimiter } from "../src/adapters/cache/memory-rate-limiter.js";
import { channelScopesFrom } from "../src/config/channels.js";
import { silentLogger } from "../src/core/ports.js";
import { createSlackApp } from "../src/frontends/slack/app.js";
import { renderAnswerMessage } from "../src/frontends/slack/blocks/answer-message.js";
import { renderAnswerDetails } from "../src/frontends/slack/blocks/detail-messages.js";
import { type FakeSlack, startFakeSlack } from "../test/fakes/slack-api-server.js";
import { commandForm, postSigned } from "../test/fakes/slack-payloads.js";
import { question, startTestStack, type TestStack } from "../test/helpers/answer-service.js";
import { type Figure, reportFigures } from "./lib/report.js";
import { median, percentile, timeRuns } from "./lib/stats.js";

const SECRET = "bench-signing-secret";
const CONCURRENT = 100;
const ACK_ROUNDS = 6;
const KINDS = ["pods", "services", "deployments", "configmaps", "events"];
const NAMESPACES = ["kube-system", "payments", "shop"];

interface Round {
  url: string;
  bodies: string[];
}

/** The load generator's side: sends each round of signed commands at once, answers with the latencies. */
function runLoadGenerator(): void {
  process.on("message", async (round: Round | "exit") => {
    if (round === "exit") process.exit(0);
    const latencies = await Promise.all(
      round.bodies.map(async (body) => {
        const started = performance.now();
        const response = await postSigned(round.url, SECRET, body, {
          contentType: "application/x-www-form-urlencoded",
        });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`ack status ${response.status}`);
        return performance.now() - started;
      }),
    );
    process.send?.(latencies);
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function startBot(stack: TestStack, slack: FakeSlack) {
  const bot = createSlackApp({
    settings: { botToken: "xoxb-test-token", signingSecret: SECRET, apiUrl: slack.apiUrl },
    answers: stack.answers,
    rateLimiter: createMemoryRateLimiter(),
    dedup: createMemoryCache({ maxEntries: 50_000 }),
    channels: channelScopesFrom({}),
    logger: silentLogger,
    limits: { userPerMinute: 1_000_000 },
  });
  const port = await freePort();
  await bot.start(port);
  return { bot, url: `http://127.0.0.1:${port}/slack/events` };
}

let channelSeq = 0;
function commandBody(slack: FakeSlack, text: string, channel = `C0B${++channelSeq}`) {
  return { channel, body: commandForm({ text, channel, responseUrl: slack.responseUrl(channel) }) };
}

/** When the message in `channel` got its final version (the one with buttons). */
function answeredAt(slack: FakeSlack, channel: string): number | undefined {
  return slack.calls.find(
    (call) =>
      call.method === "chat.update" &&
      call.params.channel === channel &&
      JSON.stringify(call.params.blocks).includes("k8s_refresh"),
  )?.at;
}

async function until(check: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for answers");
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

function sendRound(generator: ChildProcess, round: Round): Promise<number[]> {
  return new Promise((resolve) => {
    generator.once("message", (latencies) => resolve(latencies as number[]));
    generator.send(round);
  });
}

/** Rounds of 100 concurrent commands; round 0 warms up connections, Bolt and the JIT and is not counted. */
async function measureAcks(
  generator: ChildProcess,
  url: string,
  slack: FakeSlack | undefined,
): Promise<number[]> {
  const latencies: number[] = [];
  const fake = slack ?? (await startFakeSlack());
  for (let round = 0; round < ACK_ROUNDS; round++) {
    const commands = Array.from({ length: CONCURRENT }, (_, i) =>
      commandBody(fake, `${KINDS[i % KINDS.length]} in ${NAMESPACES[i % NAMESPACES.length]}`),
    );
    const acks = await sendRound(generator, { url, bodies: commands.map((command) => command.body) });
    if (round > 0) latencies.push(...acks);
    if (slack) await until(() => commands.every(({ channel }) => answeredAt(slack, channel) !== undefined));
  }
  if (!slack) await fake.close();
  return latencies;
}

/** The same load against a server that only reads the body and answers 200: what this machine allows. */
async function measureFloor(generator: ChildProcess): Promise<number[]> {
  const server = createHttpServer((request, response) => {
    request.resume();
    request.on("end", () => response.end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  const latencies = await measureAcks(generator, `http://127.0.0.1:${port}/slack/events`, undefined);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  return latencies;
}

async function measureAnswerTimes(url: string, slack: FakeSlack, texts: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const text of texts) {
    const { channel, body } = commandBody(slack, text);
    const started = performance.timeOrigin + performance.now();
    await postSigned(url, SECRET, body, { contentType: "application/x-www-form-urlencoded" });
    await until(() => answeredAt(slack, channel) !== undefined);
    times.push(answeredAt(slack, channel)! - started);
  }
  return times;
}

async function measure(): Promise<Figure[]> {
  const generator = fork(fileURLToPath(import.meta.url), ["--load-generator"], {
    execArgv: ["--import", "tsx"],
  });
  const floor = await measureFloor(generator);
  const stack = await startTestStack();
  const slack = await startFakeSlack();
  const { bot, url } = await startBot(stack, slack);
  // Answer times first, while the answer cache is empty; then the same questions again, from the cache.
  const questions = NAMESPACES.flatMap((ns) => KINDS.map((kind) => `${kind} in ${ns}`));
  const first = await measureAnswerTimes(url, slack, questions);
  const repeat = await measureAnswerTimes(url, slack, questions);
  const acks = await measureAcks(generator, url, slack);
  generator.send("exit");
  if (slack.violations.length > 0)
    throw new Error(`Slack limits broken: ${slack.violations.slice(0, 3).join("; ")}`);
  await bot.stop();
  await slack.close();
  await stack.close();

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

if (process.argv.includes("--load-generator")) runLoadGenerator();
else await reportFigures(measure);
