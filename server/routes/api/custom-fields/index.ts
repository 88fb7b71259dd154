import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { removeCustomFieldOption } from "../../../commands/custom-field-options.ts";
import {
  createCustomField,
  type FieldDefiner,
  listCustomFields,
  readCustomFieldSettings,
  reorderCustomFields,
  saveCustomFieldSettings,
  updateCustomField,
} from "../../../commands/custom-fields.ts";
import { requireActor, requireMembership } from "../../../http/actor.ts";
import { mount } from "../../../http/mount.ts";
import type { AppDeps, AppEnv } from "../../../http/types.ts";
import {
  createCustomFieldRoute,
  getCustomFieldSettingsRoute,
  listCustomFieldsRoute,
  removeCustomFieldOptionRoute,
  reorderCustomFieldsRoute,
  updateCustomFieldRoute,
  updateCustomFieldSettingsRoute,
} from "./schema.ts";

function definerOf(c: Context<AppEnv>): FieldDefiner {
  const membership = requireMembership(c.get("membership"));
  return { userId: requireActor(c.get("actor")).userId, role: membership.role, workspaceId: membership.workspaceId };
}

export function registerCustomFieldRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  mount(app, deps, listCustomFieldsRoute, async (c) => c.json({ customFields: await listCustomFields(deps.db, definerOf(c).workspaceId) }, 200));

  mount(app, deps, createCustomFieldRoute, async (c) => c.json({ customField: await createCustomField(deps.db, definerOf(c), c.req.valid("json")) }, 201));

  mount(app, deps, updateCustomFieldRoute, async (c) => {
    const customField = await updateCustomField(deps.db, definerOf(c), c.req.valid("param").fieldId, c.req.valid("json"));
    return c.json({ customField }, 200);
  });

  mount(app, deps, reorderCustomFieldsRoute, async (c) => c.json({ customFields: await reorderCustomFields(deps.db, definerOf(c), c.req.valid("json").fieldIds) }, 200));

  mount(app, deps, removeCustomFieldOptionRoute, async (c) => {
    const { fieldId, optionId } = c.req.valid("param");
    const query = c.req.valid("query");
    const customField = await removeCustomFieldOption(deps.db, definerOf(c), fieldId, optionId, { replaceWith: query.replaceWith, clear: query.clear === "true" });
    return c.json({ customField }, 200);
  });

  mount(app, deps, getCustomFieldSettingsRoute, async (c) => c.json(await readCustomFieldSettings(deps.db, definerOf(c).workspaceId), 200));

  mount(app, deps, updateCustomFieldSettingsRoute, async (c) => c.json(await saveCustomFieldSettings(deps.db, definerOf(c), c.req.valid("json").moderatorsMayDefine), 200));
}
