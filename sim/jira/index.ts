import { serve, type ServerType } from "@hono/node-server";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { SimControl } from "./control.ts";
import { buildApp } from "./http/app.ts";
import { buildCatalog, customFieldNames } from "./model/catalog.ts";
import type { SimStore } from "./model/store.ts";
import type { Flavor } from "./model/types.ts";
import { applyFaultPatch, defaultFaults, type FaultConfig, type FaultPatch } from "./options.ts";
import { SimRuntime } from "./runtime.ts";
import { demoSite, emptySite } from "./seed/demo.ts";
import { loadSnapshotFile } from "./seed/snapshot.ts";
import { createWebhookDispatcher, type WebhookFaults } from "./webhooks/index.ts";

export { SimControl } from "./control.ts";
export type { UserCredentials } from "./control.ts";
export type { FaultConfig, FaultPatch } from "./options.ts";
export type { SimWebhookEventPayload } from "./events/issue-events.ts";
export type { Flavor, WebhookRegistration } from "./model/types.ts";

export type JiraSimOptions = {
  flavor: Flavor;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** "demo" (default), "empty" (users and projects only) or a path to a JSON snapshot. */
  seed?: "demo" | "empty" | (string & {});
  /** Data Center major version; 10 moves the webhook admin API to /rest/jira-webhook/1.0. */
  version?: 9 | 10;
  faults?: FaultPatch;
  /** Data Center: allow Basic username:password (default true). */
  dcBasicAuth?: boolean;
  /** Mount the `/_sim` control API (default true). */
  control?: boolean;
  /** Cloud: the site's cloudId (default: a random UUID per start). */
  cloudId?: string;
};

export type JiraSim = {
  url: string;
  /**
   * Cloud: the site's cloudId. The API gateway for scoped tokens is served on the same origin,
   * so `${url}/ex/jira/${cloudId}/rest/…` is the gateway URL. Data Center: null.
   */
  cloudId: string | null;
  control: SimControl;
  stop(): Promise<void>;
};


async function loadSeed(flavor: Flavor, seed: string): Promise<SimStore> {
  if (seed === "demo") return demoSite(flavor);
  if (seed === "empty") return emptySite(flavor);
  return loadSnapshotFile(seed, flavor);
}


/** exactOptionalPropertyTypes: pass `seed` only when set. */
function webhookFaults(settings: FaultConfig["webhooks"]): Partial<WebhookFaults> {
  const { seed, ...rest } = settings;
  return seed === undefined ? rest : { ...rest, seed };
}

/** Starts a Jira Cloud or Data Center simulator on a local port. */
export async function startJiraSim(options: JiraSimOptions): Promise<JiraSim> {
  const flavor = options.flavor;
  const seed = options.seed ?? "demo";
  const faults = applyFaultPatch(defaultFaults(), options.faults ?? {});
  const dispatcher = createWebhookDispatcher({ flavor, faults: webhookFaults(faults.webhooks), customFieldNames: customFieldNames(buildCatalog(flavor)) });
  const runtime = new SimRuntime(
    { flavor, version: options.version ?? 9, dcBasicAuth: options.dcBasicAuth ?? true, baseUrl: "", cloudId: flavor === "cloud" ? (options.cloudId ?? randomUUID()) : null },
    dispatcher,
  );
  runtime.faults = faults;
  runtime.replaceStore(await loadSeed(flavor, seed));
  const control = new SimControl(runtime, {
    reseed: () => loadSeed(flavor, seed),
    applyWebhookFaults: (settings) => dispatcher.setFaults(webhookFaults(settings)),
    webhookDeliveries: () => dispatcher.deliveries(),
    webhooksIdle: () => dispatcher.idle(),
  });
  const { app } = buildApp(runtime, options.control === false ? null : control);
  const host = options.host ?? "127.0.0.1";
  const server = await new Promise<ServerType>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(started));
    started.once("error", reject);
  });
  const address = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  runtime.site.baseUrl = `http://${urlHost === "0.0.0.0" ? "127.0.0.1" : urlHost}:${address.port}`;
  return {
    url: runtime.site.baseUrl,
    cloudId: runtime.site.cloudId,
    control,
    stop: async () => {
      await dispatcher.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ("closeAllConnections" in server) server.closeAllConnections();
      });
    },
  };
}

