import type { ListOptions, ResourceType } from "../../core/ports.js";
import { resolveRequest } from "../../core/resource-request.js";
import type { KubeHttp } from "./kube-http.js";

export const PAGE_SIZE = 500;

/** What every list answer carries, whatever its items: the token of the next page. */
export interface ListPage {
  metadata?: { continue?: string };
}

/** How the pages are asked for: as objects (the default) or as a server-side Table (`accept`). */
export interface PageRequest {
  accept?: string;
  signal?: AbortSignal;
}

/** Every page of a list, in order, asked for with limit 500 and the continue token of the page before. */
export async function* listPages<Page extends ListPage>(
  http: KubeHttp,
  type: ResourceType,
  options: ListOptions,
  request: PageRequest = {},
): AsyncGenerator<Page> {
  const target = {
    kind: "resource",
    request: resolveRequest(type, { namespace: options.namespace }),
  } as const;
  let continueToken: string | undefined;
  do {
    const page = await http.getJson<Page>({
      target,
      query: {
        limit: PAGE_SIZE,
        continue: continueToken,
        labelSelector: options.labelSelector,
        fieldSelector: options.fieldSelector,
      },
      ...request,
    });
    yield page;
    continueToken = page.metadata?.continue || undefined;
  } while (continueToken);
}
