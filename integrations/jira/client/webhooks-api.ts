import { z } from "zod";
import type { JiraHttp } from "./http.ts";
import { adminWebhookSchema, dcWebhookSchema, ignoredBodySchema } from "./schemas.ts";
import type { JiraWebhook, WebhookDraft } from "./types.ts";

/** Admin webhooks need Jira admin rights; FORBIDDEN errors name ADMINISTER. */
const permission = "ADMINISTER";
const jqlFilterKey = "issue-related-events-section";

/**
 * Both webhook APIs are one collection resource (GET lists, POST registers, DELETE by id); they
 * differ in path, wire shape and where the filter and secret go.
 */
abstract class WebhookResource<Wire> {
  protected abstract readonly path: string;
  protected abstract readonly listSchema: z.ZodType<Wire[]>;
  protected abstract readonly webhookSchema: z.ZodType<Wire>;

  constructor(protected readonly http: JiraHttp) {}

  /** What goes after name, url and events in the registration body. */
  protected abstract registrationFields(draft: WebhookDraft): Record<string, unknown>;
  protected abstract toWebhook(hook: Wire): JiraWebhook;

  async list(): Promise<JiraWebhook[]> {
    const hooks = await this.http.request({ method: "GET", path: this.path, schema: this.listSchema, permission });
    return hooks.map((hook) => this.toWebhook(hook));
  }

  async register(draft: WebhookDraft): Promise<JiraWebhook> {
    const hook = await this.http.request({
      method: "POST",
      path: this.path,
      body: { name: draft.name, url: draft.url, events: draft.events, ...this.registrationFields(draft) },
      schema: this.webhookSchema,
      permission,
    });
    return this.toWebhook(hook);
  }

  async delete(webhookId: string): Promise<void> {
    await this.http.request({ method: "DELETE", path: `${this.path}/${encodeURIComponent(webhookId)}`, schema: ignoredBodySchema, permission });
  }
}

/**
 * `/rest/webhooks/1.0/webhook`: Jira Cloud and Data Center ≤ 9. Cloud signs deliveries when a
 * secret is set; Data Center ≤ 9 cannot sign, so no secret is sent there.
 */
export class AdminWebhooksApi extends WebhookResource<z.infer<typeof adminWebhookSchema>> {
  protected readonly path = "/rest/webhooks/1.0/webhook";
  protected readonly listSchema = z.array(adminWebhookSchema);
  protected readonly webhookSchema = adminWebhookSchema;

  constructor(
    http: JiraHttp,
    private readonly signs: boolean,
  ) {
    super(http);
  }

  protected registrationFields(draft: WebhookDraft): Record<string, unknown> {
    return {
      filters: { [jqlFilterKey]: draft.jql ?? "" },
      excludeBody: false,
      ...(this.signs ? { secret: draft.secret } : {}),
    };
  }

  protected toWebhook(hook: z.infer<typeof adminWebhookSchema>): JiraWebhook {
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
export class DataCenterWebhooksApi extends WebhookResource<z.infer<typeof dcWebhookSchema>> {
  protected readonly path = "/rest/jira-webhook/1.0/webhooks";
  // The list comes as a bare array or as a page with `values`.
  protected readonly listSchema = z.union([
    z.array(dcWebhookSchema),
    z.object({ values: z.array(dcWebhookSchema) }).transform((page) => page.values),
  ]);
  protected readonly webhookSchema = dcWebhookSchema;

  protected registrationFields(draft: WebhookDraft): Record<string, unknown> {
    return { active: true, configuration: { FILTERS: draft.jql ?? "", EXCLUDE_BODY: "false", SECRET: draft.secret } };
  }

  protected toWebhook(hook: z.infer<typeof dcWebhookSchema>): JiraWebhook {
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
}
