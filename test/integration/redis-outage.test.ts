import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";
import { eventually } from "../helpers/eventually.js";
import { question } from "../helpers/question.js";
import { type Replica, startReplica } from "../helpers/redis-replica.js";
import { type RedisServer, startRedisServer } from "../helpers/redis-server.js";

const QUESTIONS = [
  "pods in kube-system",
  "services in kube-system",
  "nodes",
  "deployments in all namespaces",
];
const unavailable = (replica: Replica) =>
  replica.logger.messages("warn").filter((message) => message.startsWith("Redis unavailable"));

describe("answers go on when Redis does not", () => {
  let redis: RedisServer;
  let cluster: SimulatedCluster;
  let replicas: Replica[] = [];

  beforeAll(async () => {
    [redis, cluster] = await Promise.all([
      startRedisServer({ password: "right-password" }),
      startSimulatedCluster(),
    ]);
  });
  afterEach(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
    replicas = [];
  });
  afterAll(async () => {
    await Promise.all([redis.close(), cluster.close()]);
  });

  const replica = async (redisUrl: string) => {
    const started = await startReplica(cluster, { REDIS_URL: redisUrl });
    replicas.push(started);
    return started;
  };

  it("Redis stopped in the middle of a stream of questions: no failed answer, one warning; started again: hits resume", async () => {
    const { container, logger } = await replica(redis.url);
    const answered = [];
    for (let i = 0; i < 36; i++) {
      if (i === 12) await redis.stop();
      if (i === 24) await redis.start();
      answered.push(await container.answers.answer(question(QUESTIONS[i % QUESTIONS.length]!)));
    }
    const failed = answered.filter(
      (answer) => answer.error !== undefined || answer.calls.some((call) => !call.ok),
    );
    expect(failed).toEqual([]);
    expect(answered.slice(4, 12).every((answer) => answer.cached)).toBe(true);
    expect(answered.slice(12, 24).some((answer) => answer.cached)).toBe(false);
    expect(logger.messages("warn").filter((message) => message.startsWith("Redis unavailable"))).toHaveLength(
      1,
    );

    await eventually(() => logger.messages("info").includes("Redis available again: the cache is back"));
    await container.answers.answer(question("pods in kube-system"));
    expect((await container.answers.answer(question("pods in kube-system"))).cached).toBe(true);

    const metrics = await container.metrics.registry.metrics();
    expect(metrics).toMatch(/^k8helper_redis_outages 1$/m);
    expect(metrics).toMatch(/^k8helper_redis_available 1$/m);
    expect(Number(/^k8helper_redis_errors (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThan(0);
  });

  it("a wrong password: one clear log line, answers still served (uncached)", async () => {
    const wrong = redis.url.replace("right-password", "wrong-password");
    const started = await replica(wrong);
    const first = await started.container.answers.answer(question("pods in kube-system"));
    const second = await started.container.answers.answer(question("pods in kube-system"));
    expect([first.error, second.error]).toEqual([undefined, undefined]);
    expect(first.calls.every((call) => call.ok)).toBe(true);
    expect(second.cached).toBe(false);
    expect(unavailable(started)).toEqual([
      expect.stringContaining("authentication failed: check the password in REDIS_URL"),
    ]);
    expect(JSON.stringify(started.logger.entries)).not.toContain("wrong-password");
  });

  it("an unreachable host: one clear log line, answers still served (uncached)", async () => {
    const gone = await startRedisServer();
    await gone.close();
    const started = await replica(gone.url);
    const first = await started.container.answers.answer(question("nodes"));
    const second = await started.container.answers.answer(question("nodes"));
    expect([first.error, second.error, second.cached]).toEqual([undefined, undefined, false]);
    expect(unavailable(started)).toEqual([expect.stringContaining("connection refused")]);
    expect((await started.container.readiness()).cache.ok).toBe(false);
    expect((await started.container.rateLimiter.take("user:U1", 1, 60)).allowed).toBe(true);
    expect((await started.container.rateLimiter.take("user:U1", 1, 60)).allowed).toBe(true);
  });
});
