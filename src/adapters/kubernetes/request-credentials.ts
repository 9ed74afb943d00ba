import { createHash } from "node:crypto";
import type { AgentOptions, RequestOptions } from "node:https";
import { type KubeConfig, RequestContext } from "@kubernetes/client-node";
import { Agent, type Dispatcher, ProxyAgent } from "undici";

export interface RequestCredentials {
  headers: Record<string, string>;
  /** Undefined for plain HTTP without TLS options. */
  dispatcher: Dispatcher | undefined;
}

function digest(value: unknown): string {
  return createHash("sha256")
    .update(
      JSON.stringify(value, (_key, item) =>
        Buffer.isBuffer(item) || item?.type === "Buffer" ? Buffer.from(item).toString("base64") : item,
      ),
    )
    .digest("hex");
}

/**
 * The kubeconfig's credentials for each request, read once per request (an exec plugin runs at most
 * once), with one dispatcher kept while the TLS credentials stay the same so connections are reused.
 * When they change (an exec plugin's new client certificate, a rotated certificate file) the next request
 * gets a new dispatcher; the old one finishes what it carries and closes.
 */
export function createRequestCredentials(
  kubeConfig: KubeConfig,
): (url: string) => Promise<RequestCredentials> {
  let kept: { digest: string; dispatcher: Dispatcher | undefined } | undefined;

  async function build(tls: AgentOptions, url: string): Promise<Dispatcher | undefined> {
    const options = kubeConfig.createDispatcherOptions(kubeConfig.getCurrentCluster(), tls);
    if (options.type === "none") return undefined;
    if (options.type === "agent") return new Agent({ connect: options.connect });
    if (options.type === "proxy") {
      return new ProxyAgent({ uri: options.uri, requestTls: options.requestTls, connect: options.connect });
    }
    // SOCKS: client-node's own connector.
    const context = new RequestContext(url, "GET" as never);
    await kubeConfig.applySecurityAuthentication(context);
    return context.getDispatcher() as Dispatcher | undefined;
  }

  return async (url) => {
    const options: RequestOptions = {};
    await kubeConfig.applyToHTTPSOptions(options);
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(options.headers ?? {})) headers[key] = String(value);
    if (options.auth) headers.Authorization = `Basic ${Buffer.from(options.auth).toString("base64")}`;
    const tls: AgentOptions = { ca: options.ca, cert: options.cert, key: options.key, pfx: options.pfx };
    if (options.passphrase !== undefined) tls.passphrase = options.passphrase;
    if (options.rejectUnauthorized !== undefined) tls.rejectUnauthorized = options.rejectUnauthorized;
    if (options.servername !== undefined) tls.servername = options.servername;
    const tlsDigest = digest(tls);
    if (kept?.digest !== tlsDigest) {
      const previous = kept?.dispatcher;
      kept = { digest: tlsDigest, dispatcher: await build(tls, url) };
      previous?.close().catch(() => {});
    }
    return { headers, dispatcher: kept.dispatcher };
  };
}
