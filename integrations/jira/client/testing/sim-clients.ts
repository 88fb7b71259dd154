import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type JiraSim, startJiraSim } from "../../../../sim/jira/index.ts";
import { createJiraClient, type JiraClientDeps } from "../factory.ts";
import type { JiraClient } from "../jira-client.ts";
import { InMemoryRateLimitStore } from "../rate-limit-store.ts";
import type { JiraConnectionConfig } from "../types.ts";

/** Test helpers: a simulator plus clients for each of its demo users and auth modes. */

export type Flavor = "cloud" | "datacenter";

export const fastDeps = (): JiraClientDeps => ({
  // Each test gets its own budget so tests do not pace each other.
  rateLimitStore: new InMemoryRateLimitStore(),
  timeoutMs: 5000,
  backoff: { baseMs: 20, capMs: 200 },
});

export function connectionFor(sim: JiraSim, userName: string, mode: "basic" | "pat" = "basic"): JiraConnectionConfig {
  const user = sim.control.users().find((u) => u.name === userName);
  if (!user) throw new Error(`no sim user ${userName}`);
  if (sim.control.flavor === "cloud") {
    return { flavor: "cloud", siteUrl: sim.url, auth: { kind: "basic", email: user.email, apiToken: user.apiToken } };
  }
  return mode === "pat" && user.personalAccessToken
    ? { flavor: "datacenter", baseUrl: sim.url, auth: { kind: "pat", token: user.personalAccessToken } }
    : { flavor: "datacenter", baseUrl: sim.url, auth: { kind: "basic", username: user.name, password: user.password } };
}

export function clientFor(sim: JiraSim, userName: string, deps: JiraClientDeps = fastDeps(), mode: "basic" | "pat" = "basic"): JiraClient {
  return createJiraClient(connectionFor(sim, userName, mode), deps);
}

export async function startSim(flavor: Flavor, options: { version?: 9 | 10; seed?: "demo" | "empty" } = {}): Promise<JiraSim> {
  return startJiraSim({ flavor, port: 0, seed: options.seed ?? "demo", ...(options.version ? { version: options.version } : {}) });
}

/**
 * Plays Atlassian's edge for scoped tokens: `<site>/_edge/tenant_info` answers the cloudId, and
 * `/ex/jira/{cloudId}/…` forwards to the simulator. (The simulator has neither.)
 */
export async function startGateway(simUrl: string, cloudId: string): Promise<{ url: string; hits: string[]; stop(): Promise<void> }> {
  const hits: string[] = [];
  const prefix = `/ex/jira/${cloudId}`;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "/";
    hits.push(url);
    if (url === "/_edge/tenant_info") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ cloudId }));
      return;
    }
    if (!url.startsWith(`${prefix}/`)) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const headers: Record<string, string> = {};
      for (const name of ["authorization", "content-type", "accept"]) {
        const value = req.headers[name];
        if (typeof value === "string") headers[name] = value;
      }
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      fetch(`${simUrl}${url.slice(prefix.length)}`, { method: req.method ?? "GET", headers, ...(body ? { body } : {}) })
        .then(async (answer) => {
          const text = await answer.text();
          res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" }).end(text);
        })
        .catch(() => res.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
