import { createHmac } from "node:crypto";

/** Slack's v0 request signature over `v0:<timestamp>:<raw body>`. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SignedPostOptions {
  contentType?: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Sign with this secret instead (a bad signature). */
  signWith?: string;
  retryNum?: number;
}

/** POSTs a body to Bolt's /slack/events as Slack does: signed, with the timestamp header. */
export async function postSigned(
  url: string,
  secret: string,
  body: string,
  options: SignedPostOptions = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "content-type": options.contentType ?? "application/json",
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": slackSignature(options.signWith ?? secret, timestamp, body),
  };
  if (options.retryNum !== undefined) {
    headers["x-slack-retry-num"] = String(options.retryNum);
    headers["x-slack-retry-reason"] = "http_timeout";
  }
  return fetch(url, { method: "POST", headers, body });
}

let sequence = 0;
const next = () => ++sequence;

export interface CommandOptions {
  text: string;
  channel?: string;
  user?: string;
  responseUrl: string;
  triggerId?: string;
}

/** A slash command payload (an object; HTTP sends it form-encoded, Socket Mode as JSON). */
export function commandPayload(options: CommandOptions): Record<string, string> {
  const channel = options.channel ?? "C0PAYMENTS";
  return {
    token: "verification-token",
    team_id: "T1",
    team_domain: "fake",
    channel_id: channel,
    channel_name: channel.startsWith("D") ? "directmessage" : "payments",
    user_id: options.user ?? "U0ALICE",
    user_name: "alice",
    command: "/k8s",
    text: options.text,
    api_app_id: "A1",
    response_url: options.responseUrl,
    trigger_id: options.triggerId ?? `trigger-${next()}`,
  };
}

export function commandForm(options: CommandOptions): string {
  return new URLSearchParams(commandPayload(options)).toString();
}

/** An Events API envelope (event_callback) around one event. */
export function eventEnvelope(
  event: Record<string, unknown>,
  eventId = `Ev${next()}`,
): Record<string, unknown> {
  return {
    token: "verification-token",
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event,
    authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
  };
}

export function mentionEvent(
  text: string,
  options: { channel?: string; user?: string; ts?: string; thread_ts?: string } = {},
) {
  const ts = options.ts ?? `1700000${next()}.000100`;
  return {
    type: "app_mention",
    user: options.user ?? "U0ALICE",
    text: `<@UBOT> ${text}`,
    channel: options.channel ?? "C0PAYMENTS",
    ts,
    event_ts: ts,
    ...(options.thread_ts ? { thread_ts: options.thread_ts } : {}),
  };
}

export function directMessageEvent(text: string, extra: Record<string, unknown> = {}) {
  const ts = `1700001${next()}.000100`;
  return {
    type: "message",
    channel_type: "im",
    channel: "D0ALICE",
    user: "U0ALICE",
    text,
    ts,
    event_ts: ts,
    ...extra,
  };
}

export interface ClickOptions {
  actionId: string;
  value: string;
  channel: string;
  messageTs: string;
  threadTs?: string;
  user?: string;
  responseUrl: string;
  /** The clicked message's blocks, as Slack sends them with a click on a (non-ephemeral) message. */
  blocks?: unknown[];
  /** A button on an ephemeral message (a private reply): Slack sends no message, only the container. */
  ephemeral?: boolean;
}

/** A block_actions payload for a button on a message. */
export function buttonClickPayload(options: ClickOptions): Record<string, unknown> {
  return {
    type: "block_actions",
    team: { id: "T1", domain: "fake" },
    user: { id: options.user ?? "U0ALICE", username: "alice", team_id: "T1" },
    api_app_id: "A1",
    token: "verification-token",
    container: {
      type: "message",
      message_ts: options.messageTs,
      channel_id: options.channel,
      is_ephemeral: options.ephemeral === true,
    },
    trigger_id: `trigger-${next()}`,
    channel: { id: options.channel, name: "payments" },
    ...(options.ephemeral
      ? {}
      : {
          message: {
            type: "message",
            ts: options.messageTs,
            text: "",
            ...(options.blocks ? { blocks: options.blocks } : {}),
            ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
          },
        }),
    response_url: options.responseUrl,
    actions: [
      {
        type: "button",
        action_id: options.actionId,
        block_id: "actions",
        value: options.value,
        action_ts: `${Date.now() / 1000}`,
        text: { type: "plain_text", text: "button" },
      },
    ],
  };
}

export function interactiveForm(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
