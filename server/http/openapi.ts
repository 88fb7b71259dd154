import type { OpenAPIHono } from "@hono/zod-openapi";
import { SESSION_COOKIE } from "../auth/authenticate.ts";
import type { AppEnv } from "./types.ts";

/**
 * The tags of /api/v1, each declared once with what it groups. An operation may only use a tag
 * listed here (the OpenAPI lint test fails otherwise): a new resource adds its tag here.
 */
export const apiTags = [
  { name: "auth", description: "Accounts and browser sessions: sign up, log in and out, passwords." },
  { name: "tokens", description: "Personal API tokens: the credential integrators send as `Authorization: Bearer <token>`." },
  { name: "workspaces", description: "Workspaces you belong to, and their audit log of setup changes." },
  { name: "members", description: "Who belongs to a workspace, with which role (Admin, Moderator, Member, Visitor)." },
  { name: "invitations", description: "Invitation links that admit one account to a workspace with a role." },
  { name: "statuses", description: "The workspace's use-case workflow: the statuses a use case moves through." },
  { name: "use cases", description: "Use cases: capture, evaluate (WSJF), prioritise; comments and change history." },
  { name: "jira", description: "The workspace's Jira connection, its permission report, metadata and integration features." },
  { name: "jira sync", description: "Two-way sync: field mapping, linking use cases to Epics, link state, sync log, reconciliation." },
  { name: "jira webhook", description: "The Jira webhook Tether asks you to register: settings, what to paste into Jira, deliveries." },
  { name: "jira listing", description: "The issues of a linked Epic, as Jira has them." },
  { name: "custom fields", description: "The workspace's own use-case template fields: definitions, options, order, who may define them." },
  { name: "planning", description: "PI planning on Jira: program increments, the sprints × teams board, cards that are Jira issues, dependencies as issue links." },
] as const;

export type ApiTag = (typeof apiTags)[number]["name"];

const description = `The HTTP API of Tether, a use-case portfolio workspace with a two-way Jira integration.

**Authentication.** Integrators send a personal API token as \`Authorization: Bearer <token>\`
(create one with \`createApiToken\`, or in the web UI under *API tokens*). A token acts as the
user who made it, with that user's role in each workspace. The browser uses a session cookie
instead, and must echo the session's \`csrfToken\` as \`X-CSRF-Token\` on every write.

**Errors.** Every error answers \`{ "error": { "code", "message", "details"? } }\`. Match on
\`code\`: codes are stable, messages are for people and may change. Each operation lists the
codes it may answer.

**Compatibility.** Within /api/v1 we add, we do not break: new endpoints, new optional request
fields, new response fields and new error codes may appear without a new version; nothing is
removed or renamed, and no optional request field becomes required. See docs/API.md.`;

/** Info, tags and security schemes of the OpenAPI document served at /api/v1/openapi.json. */
export const openApiDocumentConfig = {
  openapi: "3.1.0",
  info: {
    title: "Tether API",
    version: "1",
    description,
    contact: { name: "The maintainers of this Tether installation" },
  },
  servers: [{ url: "/api/v1", description: "This Tether server" }],
  tags: [...apiTags],
  security: [{ apiToken: [] }, { sessionCookie: [] }],
};

/** Registers the security schemes the document's `security` refers to. */
export function describeApi(api: OpenAPIHono<AppEnv>): void {
  api.openAPIRegistry.registerComponent("securitySchemes", "apiToken", {
    type: "http",
    scheme: "bearer",
    description: "A personal API token (`createApiToken`), as `Authorization: Bearer <token>`.",
  });
  api.openAPIRegistry.registerComponent("securitySchemes", "sessionCookie", {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description: "The browser session; writes also need the session's csrfToken as `X-CSRF-Token`.",
  });
}

/**
 * `GET /openapi.json`: the document, built once per app on first request. Building it walks every
 * route's schemas (about 0.15 s, seconds on a busy machine), and the routes do not change while
 * the process runs.
 */
export function serveOpenApiDocument(api: OpenAPIHono<AppEnv>): void {
  let document: ReturnType<typeof api.getOpenAPI31Document> | undefined;
  api.get("/openapi.json", (c) => c.json((document ??= api.getOpenAPI31Document(openApiDocumentConfig))));
}
