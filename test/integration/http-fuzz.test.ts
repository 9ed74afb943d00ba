import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "../../src/demo/seeded-random.js";
import { hostileRequest } from "../frontends/http/hostile-requests.js";
import { type HttpStack, startHttpStack } from "../frontends/http/start-http-stack.js";

const CASES = 10_000;
const CONCURRENCY = 16;
/** A request the server neither answers nor closes within this time counts as "no answer" (not as a pass). */
const SOCKET_TIMEOUT_MS = 15_000;

let stack: HttpStack;
beforeAll(async () => {
  stack = await startHttpStack();
});
afterAll(async () => {
  await stack?.close();
});

interface Outcome {
  status: number | "closed" | "timeout";
  head: string;
}

/** Sends raw bytes and reads the status line and headers of the answer. */
function sendRaw(port: number, bytes: Buffer): Promise<Outcome> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = connect({ port, host: "127.0.0.1" });
    const finish = (status?: Outcome["status"]) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      const text = Buffer.concat(chunks).toString("latin1");
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: match ? Number(match[1]) : (status ?? "closed"), head: text.slice(0, 2_000) });
    };
    socket.setTimeout(SOCKET_TIMEOUT_MS, () => finish("timeout"));
    socket.on("data", (chunk) => {
      chunks.push(chunk);
      if (Buffer.concat(chunks).includes("\r\n\r\n")) finish();
    });
    socket.on("error", () => finish());
    socket.on("close", () => finish());
    socket.write(bytes, () => undefined);
  });
}

describe("API fuzz", () => {
  it(`answers ${CASES.toLocaleString("en")} malformed or hostile requests without a 5xx and stays up`, async () => {
    const port = Number(new URL(stack.url).port);
    const random = seededRandom(20261125);
    const requests = Array.from({ length: CASES }, (_, index) => hostileRequest(index, random));
    const byKind = new Map<string, Map<string, number>>();
    const serverErrors: { kind: string; head: string; request: string }[] = [];
    const leaks: string[] = [];
    let next = 0;

    const worker = async () => {
      while (next < requests.length) {
        const request = requests[next++]!;
        const outcome = await sendRaw(port, request.bytes);
        const counts = byKind.get(request.kind) ?? new Map<string, number>();
        counts.set(String(outcome.status), (counts.get(String(outcome.status)) ?? 0) + 1);
        byKind.set(request.kind, counts);
        if (typeof outcome.status === "number" && outcome.status >= 500) {
          serverErrors.push({
            kind: request.kind,
            head: outcome.head,
            request: request.bytes.subarray(0, 300).toString("latin1"),
          });
        }
        // An error is JSON or nothing (Node's own parser answers bare 400s): never an HTML page or a stack trace.
        const isError = typeof outcome.status === "number" && outcome.status >= 400;
        if (isError && /<html|<pre>|\bat [\w.<>]+ \(|node_modules|\.ts:\d+/i.test(outcome.head))
          leaks.push(outcome.head);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    const table = [...byKind].map(
      ([kind, counts]) =>
        `${kind.padEnd(20)} ${[...counts]
          .sort()
          .map(([status, n]) => `${status}×${n}`)
          .join(" ")}`,
    );
    process.stdout.write(`\nHTTP fuzz, ${CASES} requests by kind and status:\n${table.join("\n")}\n`);

    expect(serverErrors).toEqual([]);
    expect(leaks).toEqual([]);
    const total = [...byKind.values()]
      .flatMap((counts) => [...counts.values()])
      .reduce((sum, n) => sum + n, 0);
    expect(total).toBe(CASES);
    // The corpus reaches every layer: the HTTP parser, body parsing, validation and the pipeline.
    const statuses = new Set([...byKind.values()].flatMap((counts) => [...counts.keys()]));
    for (const status of ["200", "400", "404", "413", "415"]) expect(statuses).toContain(status);

    const health = await fetch(`${stack.url}/api/v1/health`);
    expect(await health.json()).toEqual({ status: "healthy" });
    const answer = await fetch(`${stack.url}/api/v1/query`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ query: "查看kube-system命名空间中的服务" }),
    });
    expect(answer.status).toBe(200);
  }, 300_000);
});
