import type { FakeSlack } from "../fakes/slack-api-server.js";
import { handlersFinished } from "../helpers/slack-handlers.js";
import { askHttp, type PressureStack, sendCommand } from "./pressure-stack.js";

/** A mix of what an incident channel asks: lists, diagnoses, events, metrics, English and Chinese. */
export const LOAD_QUESTIONS = [
  "pods in shop",
  "list pods in payments",
  "services in kube-system",
  "deployments in shop",
  "what's wrong in shop?",
  "why is checkout crashing in shop?",
  "warning events in payments",
  "top nodes by memory",
  "nodes",
  "give me an overview of the cluster",
  "configmaps in payments",
  "查看kube-system命名空间中的服务",
  "shop命名空间有什么问题吗？",
  "列出payments命名空间的所有pod",
];

export interface LoadOutcome {
  sent: number;
  /** HTTP: 200 answers without an error; Slack: exactly one final answer, no private error. */
  ok: number;
  errors: number;
  /** Slack: commands with no final reply when the run ended. */
  lost: number;
  /** Slack: commands with more than one final reply or a second message. */
  duplicated: number;
  /** Milliseconds from sending to the final reply, per question. */
  latencies: number[];
  samples: string[];
}

const emptyOutcome = (): LoadOutcome => ({
  sent: 0,
  ok: 0,
  errors: 0,
  lost: 0,
  duplicated: 0,
  latencies: [],
  samples: [],
});

/** `concurrency` clients, each asking its next question as soon as the last is answered, for `durationMs`. */
async function closedLoop(
  concurrency: number,
  durationMs: number,
  ask: (question: string) => Promise<void>,
): Promise<void> {
  const deadline = performance.now() + durationMs;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) await ask(LOAD_QUESTIONS[next++ % LOAD_QUESTIONS.length]);
    }),
  );
}

export async function httpLoad(
  stack: PressureStack,
  concurrency: number,
  durationMs: number,
): Promise<LoadOutcome> {
  const outcome = emptyOutcome();
  await closedLoop(concurrency, durationMs, async (query) => {
    outcome.sent += 1;
    const started = performance.now();
    try {
      const response = await askHttp(stack, { query });
      const body = (await response.json()) as { error?: unknown; calls?: { ok: boolean }[] };
      outcome.latencies.push(performance.now() - started);
      if (response.status === 200 && !body.error) outcome.ok += 1;
      else {
        outcome.errors += 1;
        if (outcome.samples.length < 5)
          outcome.samples.push(`${response.status} ${JSON.stringify(body.error)}`);
      }
    } catch (error) {
      outcome.errors += 1;
      if (outcome.samples.length < 5) outcome.samples.push(String(error));
    }
  });
  return outcome;
}

interface CommandState {
  acked: boolean;
  posts: number;
  finals: number;
  problems: number;
  settled?: () => void;
}

/**
 * Reads the fake Slack's calls as they arrive and settles each command at its final reply; settled messages and
 * read calls are dropped, so a long run does not grow the fake's memory (the bench measures the bot's).
 */
function createSettler(slack: FakeSlack) {
  const byChannel = new Map<string, CommandState>();
  const byId = new Map<string, CommandState>();
  const readCalls = () => {
    const calls = slack.calls.splice(0);
    for (const call of calls) {
      const state =
        call.method === "response_url"
          ? byId.get(String(call.params.id))
          : byChannel.get(String(call.params.channel));
      if (!state) continue;
      if (call.method === "chat.postMessage") state.posts += 1;
      const blocks = JSON.stringify(call.params.blocks ?? "");
      // The answer replaces the placeholder, or is posted itself when Slack's budget left no room for one.
      const answerCall = call.method === "chat.update" || call.method === "chat.postMessage";
      if (answerCall && blocks.includes("k8s_refresh")) state.finals += 1;
      if (call.method === "response_url" && call.params.response_type) {
        state.finals += 1;
        state.problems += 1;
      }
      if (state.finals > 0) state.settled?.();
    }
    for (const [ts, message] of slack.messages) {
      if ((byChannel.get(message.channel)?.finals ?? 0) > 0) slack.messages.delete(ts);
    }
  };
  const timer = setInterval(readCalls, 10);
  return {
    track(channel: string, id: string): { state: CommandState; done: Promise<void> } {
      const state: CommandState = { acked: false, posts: 0, finals: 0, problems: 0 };
      const done = new Promise<void>((resolve) => {
        state.settled = resolve;
      });
      byChannel.set(channel, state);
      byId.set(id, state);
      return { state, done };
    },
    /** Reads the calls not read yet, then stops reading. */
    stop: () => {
      clearInterval(timer);
      readCalls();
    },
  };
}

let loadChannel = 0;

/** Signed /k8s commands, each in its own channel; a client waits for its final reply (or `replyTimeoutMs`). */
export async function slackLoad(
  stack: PressureStack,
  concurrency: number,
  durationMs: number,
  replyTimeoutMs = 30_000,
): Promise<LoadOutcome> {
  const outcome = emptyOutcome();
  const settler = createSettler(stack.slack);
  const tracked: CommandState[] = [];
  const channels: string[] = [];
  await closedLoop(concurrency, durationMs, async (text) => {
    outcome.sent += 1;
    const channel = `C0LOAD${++loadChannel}`;
    const id = `load-${loadChannel}`;
    const { state, done } = settler.track(channel, id);
    tracked.push(state);
    channels.push(channel);
    const started = performance.now();
    const command = await sendCommand(stack, text, { channel, id });
    state.acked = command.ack.status === 200;
    if (!state.acked) return;
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([done, new Promise((resolve) => (timeout = setTimeout(resolve, replyTimeoutMs)))]);
    clearTimeout(timeout);
    if (state.finals > 0) outcome.latencies.push(performance.now() - started);
  });
  // Late duplicates would arrive before each handler's last log line; a lost answer never logs one.
  const answered = [...tracked.entries()].filter(([, state]) => state.acked && state.finals > 0);
  await handlersFinished(
    stack.logs,
    answered.map(([index]) => channels[index]),
    60_000,
  );
  settler.stop();
  for (const state of tracked) {
    if (!state.acked) outcome.errors += 1;
    else if (state.finals === 0) outcome.lost += 1;
    else if (state.finals > 1 || state.posts > 1) outcome.duplicated += 1;
    else if (state.problems > 0) outcome.errors += 1;
    else outcome.ok += 1;
  }
  return outcome;
}
