import { afterAll, afterEach, beforeAll } from "vitest";
import { connectRedis, type RedisConnection } from "../../src/adapters/cache/redis-connection.js";
import { silentLogger } from "../../src/core/ports.js";
import { type RedisServer, startRedisServer } from "./redis-server.js";

export interface RedisSuite {
  /** The server, once the suite's beforeAll has run. */
  readonly server: RedisServer;
  /** A connection as the adapters open it (silent logger), closed after the test. */
  connect(keyPrefix: string, url?: string): Promise<RedisConnection>;
}

/** A real redis-server for the enclosing describe block; call it at the top of the block. */
export function redisSuite(): RedisSuite {
  let server: RedisServer | undefined;
  const connections: RedisConnection[] = [];
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterEach(async () => {
    await Promise.all(connections.splice(0).map((connection) => connection.close()));
  });
  afterAll(async () => {
    await server?.close();
  });
  const suite: RedisSuite = {
    get server() {
      if (!server) throw new Error("redisSuite: the server starts in beforeAll");
      return server;
    },
    async connect(keyPrefix, url = suite.server.url) {
      const connection = await connectRedis({ url, logger: silentLogger, keyPrefix });
      connections.push(connection);
      return connection;
    },
  };
  return suite;
}
