import { z } from "zod";
import { badRequest, JiraHttpError } from "../http/errors.ts";
import { parseBody } from "../http/request.ts";
import type { RouteTable } from "../http/router.ts";
import type { SimUser, WebhookRegistration } from "../model/types.ts";
import { jiraDateTime } from "../render/time.ts";
import type { SimRuntime } from "../runtime.ts";
import type { SearchService } from "../search/search-service.ts";
import { jsonResponse, noContent, requireAdmin, requireUser } from "./helpers.ts";
import { param } from "../http/request.ts";

const eventName = z.string().regex(/^[a-z_:]+$/, "Invalid event name");
const url = z.string().regex(/^https?:\/\/\S+$/, "Invalid URL");

/** Cloud and Data Center ≤ 9: `/rest/webhooks/1.0/webhook`, JQL in `filters["issue-related-events-section"]`. */
const legacySchema = z
  .object({
    name: z.string().min(1),
    url,
    events: z.array(eventName).default([]),
    filters: z.object({ "issue-related-events-section": z.string().optional() }).loose().optional(),
    excludeBody: z.boolean().optional(),
    enabled: z.boolean().optional(),
    secret: z.string().optional(),
    description: z.string().optional(),
  })
  .loose();

/** Data Center 10+: `/rest/jira-webhook/1.0/webhooks`, settings in `configuration` (SECRET, FILTERS). */
const dc10Schema = z
  .object({
    name: z.string().min(1),
    url,
    events: z.array(eventName).default([]),
    configuration: z.record(z.string(), z.string()).optional(),
    active: z.boolean().optional(),
    description: z.string().optional(),
  })
  .loose();

type Meta = { updated: number; updatedBy: string };

/** Webhook registrations need ADMINISTER; the JQL filter is validated like a search. */
export function registerWebhookAdminRoutes(routes: RouteTable, runtime: SimRuntime, search: SearchService): void {
  const meta = new Map<string, Meta>();
  const admin = (c: Parameters<Parameters<RouteTable["get"]>[1]>[0]): SimUser => {
    const user = requireUser(c);
    requireAdmin(user);
    return user;
  };
  const validateJql = async (user: SimUser, jql: string | null) => {
    if (jql === null || jql.trim() === "") return;
    search.compile(user, jql);
  };
  const find = (id: string): WebhookRegistration => {
    const found = runtime.store.webhooks.get(id);
    if (!found) throw new JiraHttpError(404, [`Webhook with id ${id} does not exist.`]);
    return found;
  };
  const store = (registration: WebhookRegistration, user: SimUser) => {
    runtime.store.webhooks.set(registration.id, registration);
    meta.set(registration.id, { updated: Date.now(), updatedBy: user.key });
  };

  const legacyJson = (registration: WebhookRegistration) => {
    const info = meta.get(registration.id);
    const updatedBy = info ? runtime.store.userByKey(info.updatedBy) : undefined;
    return {
      name: registration.name,
      url: registration.url,
      excludeBody: false,
      filters: { "issue-related-events-section": registration.jqlFilter ?? "" },
      events: registration.events,
      enabled: registration.enabled,
      self: `${runtime.site.baseUrl}/rest/webhooks/1.0/webhook/${registration.id}`,
      lastUpdatedUser: updatedBy ? (runtime.site.flavor === "cloud" ? updatedBy.accountId : updatedBy.key) : "",
      lastUpdatedDisplayName: updatedBy?.displayName ?? "",
      lastUpdated: info?.updated ?? 0,
    };
  };

  const legacyRegistration = (id: string, body: z.infer<typeof legacySchema>): WebhookRegistration => ({
    id,
    name: body.name,
    url: body.url,
    events: body.events,
    jqlFilter: body.filters?.["issue-related-events-section"] || null,
    secret: body.secret ?? null,
    enabled: body.enabled ?? true,
  });

  if (runtime.site.flavor === "cloud" || runtime.site.version < 10) {
    const base = "/rest/webhooks/1.0/webhook";
    routes.get(base, (c) => {
      admin(c);
      return jsonResponse([...runtime.store.webhooks.values()].map(legacyJson));
    });
    routes.post(base, async (c) => {
      const user = admin(c);
      const body = await parseBody(c, legacySchema, "WebhookRegistration");
      const registration = legacyRegistration(String(runtime.store.nextId("webhookId")), body);
      await validateJql(user, registration.jqlFilter);
      store(registration, user);
      return jsonResponse(legacyJson(registration), 201);
    });
    routes.get(`${base}/:id`, (c) => {
      admin(c);
      return jsonResponse(legacyJson(find(param(c, "id"))));
    });
    routes.put(`${base}/:id`, async (c) => {
      const user = admin(c);
      const existing = find(param(c, "id"));
      const body = await parseBody(c, legacySchema, "WebhookRegistration");
      const registration = { ...legacyRegistration(existing.id, body), secret: body.secret ?? existing.secret };
      await validateJql(user, registration.jqlFilter);
      store(registration, user);
      return jsonResponse(legacyJson(registration));
    });
    routes.delete(`${base}/:id`, (c) => {
      admin(c);
      const existing = find(param(c, "id"));
      runtime.store.webhooks.delete(existing.id);
      return noContent();
    });
    return;
  }

  const base = "/rest/jira-webhook/1.0/webhooks";
  const dc10Json = (registration: WebhookRegistration) => {
    const info = meta.get(registration.id);
    return {
      id: Number(registration.id),
      name: registration.name,
      url: registration.url,
      events: registration.events,
      // Jira never returns the secret once set.
      configuration: { FILTERS: registration.jqlFilter ?? "", EXCLUDE_BODY: "false", ...(registration.secret ? { SECRET: "********" } : {}) },
      active: registration.enabled,
      createdDate: info?.updated ?? 0,
      updatedDate: info?.updated ?? 0,
      updatedDateDisplay: jiraDateTime(info?.updated ?? 0),
    };
  };
  const dc10Registration = (id: string, body: z.infer<typeof dc10Schema>, previousSecret: string | null): WebhookRegistration => {
    const configuration = body.configuration ?? {};
    return {
      id,
      name: body.name,
      url: body.url,
      events: body.events,
      jqlFilter: configuration.FILTERS || null,
      secret: configuration.SECRET ?? previousSecret,
      enabled: body.active ?? true,
    };
  };
  routes.get(base, (c) => {
    admin(c);
    return jsonResponse([...runtime.store.webhooks.values()].map(dc10Json));
  });
  routes.post(base, async (c) => {
    const user = admin(c);
    const body = await parseBody(c, dc10Schema, "WebhookBean");
    if (body.events.length === 0) throw badRequest(["At least one event must be selected."]);
    const registration = dc10Registration(String(runtime.store.nextId("webhookId")), body, null);
    await validateJql(user, registration.jqlFilter);
    store(registration, user);
    return jsonResponse(dc10Json(registration), 201);
  });
  routes.get(`${base}/:id`, (c) => {
    admin(c);
    return jsonResponse(dc10Json(find(param(c, "id"))));
  });
  routes.put(`${base}/:id`, async (c) => {
    const user = admin(c);
    const existing = find(param(c, "id"));
    const body = await parseBody(c, dc10Schema, "WebhookBean");
    const registration = dc10Registration(existing.id, body, existing.secret);
    await validateJql(user, registration.jqlFilter);
    store(registration, user);
    return jsonResponse(dc10Json(registration));
  });
  routes.delete(`${base}/:id`, (c) => {
    admin(c);
    runtime.store.webhooks.delete(find(param(c, "id")).id);
    return noContent();
  });
}
