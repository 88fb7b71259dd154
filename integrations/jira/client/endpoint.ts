import { Buffer } from "node:buffer";
import { JiraError } from "./errors.ts";
import { tenantInfoSchema } from "./schemas.ts";
import type { JiraConnectionConfig } from "./types.ts";

/** Where requests go and how they authenticate, for one connection. */
export type JiraEndpoint = {
  /** Names the site's rate-limit budget: every client of this Jira site shares it. */
  siteKey: string;
  /** API root without a trailing slash; for scoped tokens found lazily through `_edge/tenant_info`. */
  apiRoot(): Promise<string>;
  authorization: string;
};

export const defaultGatewayUrl = "https://api.atlassian.com";

export function jiraEndpoint(
  connection: JiraConnectionConfig,
  fetchImpl: typeof fetch,
  timeoutMs: number,
): JiraEndpoint {
  if (connection.flavor === "datacenter") {
    const root = trimSlash(connection.baseUrl);
    const authorization =
      connection.auth.kind === "pat"
        ? `Bearer ${connection.auth.token}`
        : basic(connection.auth.username, connection.auth.password);
    return { siteKey: root.toLowerCase(), apiRoot: async () => root, authorization };
  }
  const site = trimSlash(connection.siteUrl);
  const authorization = basic(connection.auth.email, connection.auth.apiToken);
  if (connection.auth.kind === "basic") return { siteKey: site.toLowerCase(), apiRoot: async () => site, authorization };

  // Scoped API tokens are only accepted by the gateway, addressed by the site's cloudId.
  const gateway = trimSlash(connection.gatewayUrl ?? defaultGatewayUrl);
  let root: Promise<string> | null = connection.cloudId ? Promise.resolve(`${gateway}/ex/jira/${connection.cloudId}`) : null;
  return {
    siteKey: site.toLowerCase(),
    authorization,
    apiRoot: () => {
      root ??= discoverCloudId(site, fetchImpl, timeoutMs).then((cloudId) => `${gateway}/ex/jira/${cloudId}`);
      // A failed lookup is not cached: the next call tries again.
      root.catch(() => {
        root = null;
      });
      return root;
    },
  };
}

/** `GET <site>/_edge/tenant_info` → `{ cloudId }`; public, no credentials sent. */
export async function discoverCloudId(site: string, fetchImpl: typeof fetch, timeoutMs: number): Promise<string> {
  const path = "/_edge/tenant_info";
  const details = { method: "GET" as const, path };
  let response: Response;
  try {
    response = await fetchImpl(`${site}${path}`, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new JiraError("UNAVAILABLE", "Could not reach the Jira site to look up its cloud id.", { ...details, status: null }, { cause: error });
  }
  const text = await response.text().catch(() => "");
  if (!response.ok) {
    const code = response.status === 404 ? "NOT_FOUND" : response.status >= 500 ? "UNAVAILABLE" : "VALIDATION";
    throw new JiraError(code, `The site did not tell its cloud id (HTTP ${response.status}); is this a Jira Cloud site URL?`, {
      ...details,
      status: response.status,
    });
  }
  try {
    return tenantInfoSchema.parse(JSON.parse(text)).cloudId;
  } catch (error) {
    throw new JiraError("BAD_RESPONSE", "The site's tenant_info did not carry a cloud id.", { ...details, status: response.status }, { cause: error });
  }
}

function basic(user: string, secret: string): string {
  return `Basic ${Buffer.from(`${user}:${secret}`, "utf8").toString("base64")}`;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
