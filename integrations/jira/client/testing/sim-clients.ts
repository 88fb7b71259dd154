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

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** A client whose password / API token is wrong (UNAUTHORIZED on every call). */
export function createJiraClientWithPassword(sim: JiraSim, userName: string, secret: string): JiraClient {
  const user = sim.control.users().find((u) => u.name === userName);
  if (!user) throw new Error(`no sim user ${userName}`);
  const connection: JiraConnectionConfig =
    sim.control.flavor === "cloud"
      ? { flavor: "cloud", siteUrl: sim.url, auth: { kind: "basic", email: user.email, apiToken: secret } }
      : { flavor: "datacenter", baseUrl: sim.url, auth: { kind: "basic", username: user.name, password: secret } };
  return createJiraClient(connection, fastDeps());
}
