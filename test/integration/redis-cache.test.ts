import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/answer.js";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";
import { eventually } from "../helpers/eventually.js";
import { question } from "../helpers/question.js";
import { flushRedis, type Replica, startReplica } from "../helpers/redis-replica.js";
import { type RedisServer, startRedisServer } from "../helpers/redis-server.js";

const planned = (answer: Answer) => answer.calls.map(({ tool, args }) => ({ tool, args }));

describe("the answer cache on a real Redis, shared by two replicas", () => {
  let redis: RedisServer;
  let cluster: SimulatedCluster;
  let replicas: Replica[] = [];

  beforeAll(async () => {
    [redis, cluster] = await Promise.all([startRedisServer(), startSimulatedCluster()]);
  });
  beforeEach(async () => {
    await flushRedis(redis.url);
  });
  afterEach(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
    replicas = [];
  });
  afterAll(async () => {
    await Promise.all([redis.close(), cluster.close()]);
  });

  const replica = async (env: Record<string, string> = {}) => {
    const started = await startReplica(cluster, { REDIS_URL: redis.url, ...env });
    replicas.push(started);
    return started.container.answers;
  };
  /** Cluster requests made while `work` ran. */
  const clusterRequestsDuring = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const before = cluster.requests.length;
    const result = await work();
    return [result, cluster.requests.length - before];
  };

  it("misses, then answers the repeat from Redis without the cluster, keeping when it was computed", async () => {
    const answers = await replica();
    const [first, firstRequests] = await clusterRequestsDuring(() =>
      answers.answer(question("pods in kube-system")),
    );
    expect(first.cached).toBe(false);
    expect(first.error).toBeUndefined();
    expect(first.calls.every((call) => call.ok)).toBe(true);
    expect(firstRequests).toBeGreaterThan(0);

    const [repeat, repeatRequests] = await clusterRequestsDuring(() =>
      answers.answer(question("pods in kube-system")),
    );
    expect(repeatRequests).toBe(0);
    expect(repeat).toMatchObject({ cached: true, computedAt: first.computedAt, summary: first.summary });
    expect(repeat.parts).toEqual(first.parts);
    expect(repeat.requestId).not.toBe(first.requestId);
    expect(repeat.timings.clusterMs).toBe(0);
  });

  it("shares one answer between the same wording asked differently and a different wording with the same plan", async () => {
    const answers = await replica();
    const first = await answers.answer(question("pods in kube-system"));
    const [same, sameRequests] = await clusterRequestsDuring(() =>
      answers.answer(question("  Pods   in kube-system?  ")),
    );
    const [other, otherRequests] = await clusterRequestsDuring(() =>
      answers.answer(question("list the pods in namespace kube-system")),
    );
    expect(planned(other)).toEqual(planned(first));
    expect([same.cached, other.cached]).toEqual([true, true]);
    expect([sameRequests, otherRequests]).toEqual([0, 0]);
    expect(other.question).toBe("list the pods in namespace kube-system");
    expect(other.computedAt).toBe(first.computedAt);
  });

  it("keeps answers apart for callers who may see different namespaces", async () => {
    const answers = await replica();
    await answers.answer(question("pods in kube-system"));
    const scoped = await answers.answer(
      question("pods in kube-system", { scope: { namespaces: ["kube-system"] } }),
    );
    expect(scoped.cached).toBe(false);
  });

  it("computes again once the answer's TTL has run out", async () => {
    const answers = await replica({ K8HELPER_ANSWER_TTL: "1" });
    const first = await answers.answer(question("services in kube-system"));
    expect((await answers.answer(question("services in kube-system"))).cached).toBe(true);
    let later = first;
    await eventually(async () => {
      later = await answers.answer(question("services in kube-system"));
      return !later.cached;
    }, 5_000);
    expect(later.computedAt > first.computedAt).toBe(true);
  });

  it("Refresh bypasses the cache, and stores the fresh answer for the next caller", async () => {
    const answers = await replica();
    const first = await answers.answer(question("deployments in all namespaces"));
    const [refreshed, refreshRequests] = await clusterRequestsDuring(() =>
      answers.answer(question("deployments in all namespaces", { fresh: true })),
    );
    expect(refreshed.cached).toBe(false);
    expect(refreshRequests).toBeGreaterThan(0);
    expect(refreshed.computedAt > first.computedAt).toBe(true);
    const next = await answers.answer(question("deployments in all namespaces"));
    expect(next).toMatchObject({ cached: true, computedAt: refreshed.computedAt });
  });

  it("lets a second replica answer from what the first computed", async () => {
    const first = await replica();
    const second = await replica();
    await second.answer(question("namespaces")); // the second replica's own API discovery
    const computed = await first.answer(question("nodes"));
    const [shared, requests] = await clusterRequestsDuring(() => second.answer(question("nodes")));
    expect(requests).toBe(0);
    expect(shared).toMatchObject({
      cached: true,
      computedAt: computed.computedAt,
      summary: computed.summary,
    });
  });

  it("runs concurrent identical questions once across two replicas (single flight)", async () => {
    const first = await replica();
    const second = await replica();
    // Warm both replicas' discovery, so only answering touches the cluster below.
    await Promise.all([first.answer(question("namespaces")), second.answer(question("namespaces"))]);
    const [all, requests] = await clusterRequestsDuring(() =>
      Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 === 0 ? first : second).answer(question("events in kube-system")),
        ),
      ),
    );
    const once = await clusterRequestsDuring(() =>
      first.answer(question("events in kube-system", { fresh: true })),
    );
    expect(requests).toBe(once[1]);
    expect(all.every((answer) => answer.error === undefined && answer.summary === all[0]!.summary)).toBe(
      true,
    );
    expect(all.filter((answer) => !answer.cached)).toHaveLength(1);
  });
});
