import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

export type EnvelopeType = "events_api" | "slash_commands" | "interactive";

export interface Ack {
  envelope_id: string;
  payload?: unknown;
}

export interface FakeSocketMode {
  url: string;
  /** Every ack Bolt sent back. */
  acks: Ack[];
  /** Resolves once a client has connected and been sent `hello`. */
  connected(): Promise<void>;
  /** Sends an envelope and resolves with Bolt's ack (rejects if none comes within the timeout). */
  send(
    type: EnvelopeType,
    payload: unknown,
    options?: { retryAttempt?: number; envelopeId?: string },
  ): Promise<Ack>;
  close(): Promise<void>;
}

/** The WebSocket side of Socket Mode: hello, envelopes like Slack's, and the acks Bolt must send. */
export async function startFakeSocketMode(options: { ackTimeoutMs?: number } = {}): Promise<FakeSocketMode> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const acks: Ack[] = [];
  const waiting = new Map<string, (ack: Ack) => void>();
  let socket: WebSocket | undefined;
  let onConnected: () => void = () => {};
  let connected = new Promise<void>((resolve) => {
    onConnected = resolve;
  });

  server.on("connection", (client) => {
    socket = client;
    client.on("message", (data) => {
      const ack = JSON.parse(String(data)) as Ack;
      acks.push(ack);
      waiting.get(ack.envelope_id)?.(ack);
      waiting.delete(ack.envelope_id);
    });
    client.send(
      JSON.stringify({
        type: "hello",
        num_connections: 1,
        connection_info: { app_id: "A1" },
        debug_info: { host: "fake" },
      }),
    );
    onConnected();
  });

  return {
    url,
    acks,
    connected: () => connected,
    send(type, payload, sendOptions = {}) {
      const envelopeId = sendOptions.envelopeId ?? randomUUID();
      const envelope = {
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== "events_api",
        ...(sendOptions.retryAttempt
          ? { retry_attempt: sendOptions.retryAttempt, retry_reason: "timeout" }
          : {}),
      };
      return new Promise<Ack>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ack for ${envelopeId}`)),
          options.ackTimeoutMs ?? 5_000,
        );
        waiting.set(envelopeId, (ack) => {
          clearTimeout(timer);
          resolve(ack);
        });
        if (!socket) return reject(new Error("no Socket Mode client connected"));
        socket.send(JSON.stringify(envelope));
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        connected = Promise.resolve();
        server.close(() => resolve());
      }),
  };
}
