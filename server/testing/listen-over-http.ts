import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import type { SyncFixture } from "./jira-sync-fixture.ts";

/** A real HTTP listener in front of the in-process app, so the simulator's webhooks reach Tether. */
export async function listenOverHttp(fixture: SyncFixture): Promise<{ origin: string; close(): Promise<void> }> {
  const server: ServerType = await new Promise((resolve) => {
    const started = serve(
      {
        hostname: "127.0.0.1",
        port: 0,
        fetch: async (request) => {
          const url = new URL(request.url);
          const body = request.method === "GET" ? undefined : new Uint8Array(await request.arrayBuffer());
          return fixture.app.request(`${url.pathname}${url.search}`, { method: request.method, headers: request.headers, ...(body ? { body } : {}) });
        },
      },
      () => resolve(started),
    );
  });
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
