import { Gauge, type Registry } from "prom-client";
import type { RedisConnectionStats } from "../cache/redis-connection.js";

/** Redis health on /metrics, read at scrape time: a failing Redis is logged once per outage and counted here. */
export function registerRedisGauges(registry: Registry, stats: () => RedisConnectionStats): void {
  const gauge = (name: string, help: string, read: (current: RedisConnectionStats) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read(stats()));
      },
    });
  gauge("k8helper_redis_available", "1 while Redis answers, 0 during an outage.", (s) =>
    s.available ? 1 : 0,
  );
  gauge(
    "k8helper_redis_errors",
    "Redis commands that failed since start (answers continued uncached).",
    (s) => s.errors,
  );
  gauge("k8helper_redis_outages", "Redis outages since start.", (s) => s.outages);
  gauge("k8helper_redis_skipped", "Redis commands skipped during an outage (fail fast).", (s) => s.skipped);
}
