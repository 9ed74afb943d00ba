import { request } from "node:https";
import { KubeConfig } from "@kubernetes/client-node";

export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test helper returns parsed JSON for assertions
  json(): any;
}

/** A request with the kubeconfig's CA and token, for what typed clients cannot ask (Table, writes). */
export function rawRequest(
  kubeconfigPath: string,
  path: string,
  options: { method?: string; accept?: string; body?: string; token?: string | null } = {},
): Promise<RawResponse> {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  const cluster = kc.getCurrentCluster()!;
  const token = options.token === undefined ? kc.getCurrentUser()?.token : options.token;
  const url = new URL(path, cluster.server);
  const headers: Record<string, string> = { Accept: options.accept ?? "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body) headers["Content-Type"] = "application/json";
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? "GET", headers, ca: Buffer.from(cluster.caData!, "base64") },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers["content-type"] ?? ""),
            text,
            json: () => JSON.parse(text),
          });
        });
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}
