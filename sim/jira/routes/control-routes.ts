import type { Hono } from "hono";
import { z } from "zod";
import type { SimControl } from "../control.ts";
import { requestText } from "../http/body.ts";
import { JiraHttpError } from "../http/errors.ts";
import { param } from "../http/request.ts";
import type { SimContext, SimEnv } from "../http/router.ts";
import { projectPermissionKeys } from "../model/types.ts";
import { faultPatchSchema } from "../options.ts";

const userDraftSchema = z
  .object({
    name: z.string().min(1),
    displayName: z.string().min(1),
    email: z.string().optional(),
    emailVisible: z.boolean().optional(),
    siteAdmin: z.boolean().optional(),
    apiToken: z.string().optional(),
    scopedApiToken: z.string().min(1).optional(),
    password: z.string().optional(),
    personalAccessToken: z.string().optional(),
    permissions: z.record(z.string(), z.array(z.enum(projectPermissionKeys))).optional(),
  })
  .strict();
const scopedTokenSchema = z.object({ token: z.string().min(1) }).strict();
const permissionsSchema = z.object({ user: z.string(), project: z.string(), permissions: z.array(z.enum(projectPermissionKeys)) }).strict();
const asUser = z.string().min(1);
const createSchema = z.object({ as: asUser, fields: z.record(z.string(), z.unknown()) }).strict();
const editSchema = z.object({ as: asUser, fields: z.record(z.string(), z.unknown()).optional(), update: z.record(z.string(), z.unknown()).optional() }).strict();
const transitionSchema = z.object({ as: asUser, transitionId: z.string().optional(), toStatus: z.string().optional(), fields: z.record(z.string(), z.unknown()).optional() }).strict();
const commentSchema = z.object({ as: asUser, body: z.union([z.string(), z.record(z.string(), z.unknown())]) }).strict();
const seedSchema = z.object({ count: z.number().int().min(0).max(1_000_000), project: z.string().optional() }).strict();
const screenFieldSchema = z.object({ required: z.boolean().optional() }).strict();
const screenKind = z.enum(["create", "edit"]);
const snapshotSchema = z.object({ path: z.string().optional() }).strict();

async function body<T>(c: SimContext, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    const text = await requestText(c);
    raw = text.trim() === "" ? {} : JSON.parse(text);
  } catch (error) {
    throw new JiraHttpError(400, ["Malformed JSON body."], {}, {}, { cause: error });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new JiraHttpError(400, parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`));
  return parsed.data;
}

function screenOf(c: SimContext): "create" | "edit" {
  const parsed = screenKind.safeParse(param(c, "screen"));
  if (!parsed.success) throw new JiraHttpError(400, ["The screen is 'create' or 'edit'."]);
  return parsed.data;
}

/**
 * The test/ops control API, mounted under `/_sim` (never under `/rest`, so no Jira client can
 * hit it by accident) and only when the sim was started with control enabled.
 */
export function registerControlRoutes(app: Hono<SimEnv>, control: SimControl): void {
  const base = "/_sim";
  app.get(`${base}/health`, (c) => c.json({ ok: true, flavor: control.flavor, issues: control.issueCount() }));
  app.get(`${base}/faults`, (c) => c.json(control.faults()));
  app.put(`${base}/faults`, async (c) => c.json(control.setFaults(await body(c, faultPatchSchema))));
  app.post(`${base}/reset`, async (c) => {
    await control.reset();
    return c.body(null, 204);
  });
  app.post(`${base}/snapshot`, async (c) => {
    const { path } = await body(c, snapshotSchema);
    if (!path) return c.json(control.snapshot());
    await control.saveSnapshot(path);
    return c.json({ saved: path });
  });
  app.get(`${base}/requests`, (c) => c.json(control.requestLog()));
  app.delete(`${base}/requests`, (c) => {
    control.clearRequestLog();
    return c.body(null, 204);
  });
  app.get(`${base}/writes`, (c) => c.json(control.writesPerIssue()));
  app.delete(`${base}/writes`, (c) => {
    control.clearWriteCounts();
    return c.body(null, 204);
  });
  app.get(`${base}/users`, (c) => c.json(control.users()));
  app.post(`${base}/users`, async (c) => {
    const { permissions, ...draft } = await body(c, userDraftSchema);
    return c.json(control.addUser(draft, permissions), 201);
  });
  app.post(`${base}/users/:user/scoped-tokens`, async (c) => {
    const { token } = await body(c, scopedTokenSchema);
    return c.json(control.addScopedApiToken(param(c, "user"), token), 201);
  });
  app.put(`${base}/permissions`, async (c) => {
    const grant = await body(c, permissionsSchema);
    control.setPermissions(grant.user, grant.project, grant.permissions);
    return c.body(null, 204);
  });
  app.post(`${base}/issues`, async (c) => {
    const request = await body(c, createSchema);
    return c.json(control.createIssue(request.as, request.fields), 201);
  });
  app.put(`${base}/issues/:key`, async (c) => {
    const request = await body(c, editSchema);
    control.editIssue(request.as, param(c, "key"), { ...(request.fields ? { fields: request.fields } : {}), ...(request.update ? { update: request.update } : {}) });
    return c.body(null, 204);
  });
  app.post(`${base}/issues/:key/transitions`, async (c) => {
    const { as, ...target } = await body(c, transitionSchema);
    control.transitionIssue(as, param(c, "key"), {
      ...(target.transitionId ? { transitionId: target.transitionId } : {}),
      ...(target.toStatus ? { toStatus: target.toStatus } : {}),
      ...(target.fields ? { fields: target.fields } : {}),
    });
    return c.body(null, 204);
  });
  app.post(`${base}/issues/:key/comments`, async (c) => {
    const request = await body(c, commentSchema);
    return c.json(control.addComment(request.as, param(c, "key"), request.body), 201);
  });
  app.put(`${base}/issues/:key/security`, async (c) => {
    const request = await body(c, z.object({ level: z.string().min(1).nullable() }));
    control.setIssueSecurity(param(c, "key"), request.level);
    return c.body(null, 204);
  });
  app.delete(`${base}/issues/:key`, (c) => {
    control.deleteIssue(c.req.query("as") ?? "ada", param(c, "key"));
    return c.body(null, 204);
  });
  const screenTarget = (c: SimContext) => ({ project: param(c, "project"), issueType: param(c, "issueType") });
  app.get(`${base}/screens/:project/:issueType`, (c) => c.json(control.screens(screenTarget(c))));
  app.put(`${base}/screens/:project/:issueType/:screen/fields/:fieldId`, async (c) => {
    const { required } = await body(c, screenFieldSchema);
    return c.json(control.putScreenField(screenTarget(c), screenOf(c), param(c, "fieldId"), required ?? false));
  });
  app.delete(`${base}/screens/:project/:issueType/:screen/fields/:fieldId`, (c) =>
    c.json(control.removeScreenField(screenTarget(c), screenOf(c), param(c, "fieldId"))),
  );
  app.post(`${base}/seed`, async (c) => {
    const request = await body(c, seedSchema);
    return c.json(control.seedIssues(request.count, request.project));
  });
  app.get(`${base}/webhooks/events`, (c) => c.json(control.webhookEvents()));
  app.get(`${base}/webhooks/site-events`, (c) => c.json(control.siteWebhookEvents()));
  app.get(`${base}/webhooks/deliveries`, (c) => c.json(control.webhookDeliveries()));
}
