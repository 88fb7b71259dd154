import { z } from "zod";
import type { JiraHttp } from "./http.ts";
import { adminWebhookSchema, dcWebhookSchema, ignoredBodySchema } from "./schemas.ts";
import type { JiraWebhook, WebhookDraft } from "./types.ts";

/** Admin webhooks need Jira admin rights; FORBIDDEN errors name ADMINISTER. */
const permission = "ADMINISTER";
const jqlFilterKey = "issue-related-events-section";

/**
 * `/rest/webhooks/1.0/webhook`: Jira Cloud and Data Center ≤ 9. Cloud signs deliveries when a
 * secret is set; Data Center ≤ 9 cannot sign, so no secret is sent there.
 */
export class AdminWebhooksApi {
  private readonly path = "/rest/webhooks/1.0/webhook";

  constructor(
    private readonly http: JiraHttp,
    private readonly signs: boolean,
  ) {}

  async list(): Promise<JiraWebhook[]> {
    const hooks = await this.http.request({ method: "GET", path: this.path, schema: z.array(adminWebhookSchema), permission });
    return hooks.map((hook) => this.toWebhook(hook));
  }

  async register(draft: WebhookDraft): Promise<JiraWebhook> {
    const hook = await this.http.request({
      method: "POST",
      path: this.path,
      body: {
        name: draft.name,
        url: draft.url,
        events: draft.events,
        filters: { [jqlFilterKey]: draft.jql ?? "" },
        excludeBody: false,
        ...(this.signs ? { secret: draft.secret } : {}),
      },
      schema: adminWebhookSchema,
      permission,
    });
    return this.toWebhook(hook);
  }

  async delete(webhookId: string): Promise<void> {
    await this.http.request({ method: "DELETE", path: `${this.path}/${encodeURIComponent(webhookId)}`, schema: ignoredBodySchema, permission });
  }

  private toWebhook(hook: z.infer<typeof adminWebhookSchema>): JiraWebhook {
    const jql = hook.filters?.[jqlFilterKey];
    return {
      id: hook.self.replace(/\/+$/, "").split("/").pop() ?? hook.self,
      name: hook.name,
      url: hook.url,
      events: hook.events,
      jql: jql ? jql : null,
      enabled: hook.enabled ?? true,
      signed: this.signs,
    };
  }
}

/** Data Center 10+: `/rest/jira-webhook/1.0/webhooks`, filters and secret in `configuration`. */
export class DataCenterWebhooksApi {
  private readonly path = "/rest/jira-webhook/1.0/webhooks";

  constructor(private readonly http: JiraHttp) {}

  async list(): Promise<JiraWebhook[]> {
    const listSchema = z.union([
      z.array(dcWebhookSchema),
      z.object({ values: z.array(dcWebhookSchema) }).transform((page) => page.values),
    ]);
    const hooks = await this.http.request({ method: "GET", path: this.path, schema: listSchema, permission });
    return hooks.map(toDcWebhook);
  }

  async register(draft: WebhookDraft): Promise<JiraWebhook> {
    const hook = await this.http.request({
      method: "POST",
      path: this.path,
      body: {
        name: draft.name,
        url: draft.url,
        events: draft.events,
        active: true,
        configuration: { FILTERS: draft.jql ?? "", EXCLUDE_BODY: "false", SECRET: draft.secret },
      },
      schema: dcWebhookSchema,
      permission,
    });
    return toDcWebhook(hook);
  }

  async delete(webhookId: string): Promise<void> {
    await this.http.request({ method: "DELETE", path: `${this.path}/${encodeURIComponent(webhookId)}`, schema: ignoredBodySchema, permission });
  }
}

function toDcWebhook(hook: z.infer<typeof dcWebhookSchema>): JiraWebhook {
  const jql = hook.configuration?.FILTERS;
  return {
    id: hook.id,
    name: hook.name,
    url: hook.url,
    events: hook.events,
    jql: typeof jql === "string" && jql !== "" ? jql : null,
    enabled: hook.active === undefined ? true : hook.active === true || hook.active === "true",
    signed: true,
  };
}
