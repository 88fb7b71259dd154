import { z } from "zod";
import { availableTransitions, transitionIssue } from "../commands/transition-command.ts";
import { badRequest } from "../http/errors.ts";
import { readJsonBody } from "../http/request.ts";
import type { RouteTable } from "../http/router.ts";
import type { ApiVersion, TransitionDef } from "../model/types.ts";
import type { RenderContext } from "../render/context.ts";
import { parseExpand } from "../render/field-selection.ts";
import { renderResolution, renderStatus } from "../render/meta.ts";
import type { SimRuntime } from "../runtime.ts";
import { jsonResponse, noContent, requireUser, restActor, visibleIssue } from "./helpers.ts";
import { param } from "../http/request.ts";

const transitionBodySchema = z
  .object({
    transition: z.object({ id: z.union([z.string(), z.number()]).transform(String).optional() }).loose(),
    fields: z.record(z.string(), z.unknown()).optional(),
    update: z.record(z.string(), z.unknown()).optional(),
    historyMetadata: z.unknown().optional(),
    properties: z.unknown().optional(),
  })
  .loose();

function renderTransition(ctx: RenderContext, transition: TransitionDef, withFields: boolean) {
  const catalog = ctx.store.catalog;
  const to = catalog.statuses.find((status) => status.id === transition.to);
  const json: Record<string, unknown> = {
    id: transition.id,
    name: transition.name,
    ...(to ? { to: renderStatus(ctx, to) } : {}),
    hasScreen: transition.screen.length > 0,
    isGlobal: transition.from.length === 0,
    isInitial: false,
    isAvailable: true,
    isConditional: false,
    ...(ctx.store.flavor === "cloud" ? { isLooped: false } : {}),
  };
  if (withFields) {
    const fields: Record<string, unknown> = {};
    for (const screenField of transition.screen) {
      const field = catalog.fields.find((candidate) => candidate.id === screenField.fieldId);
      if (!field) continue;
      fields[field.id] = {
        required: screenField.required,
        schema: field.schema ?? { type: "any" },
        name: field.name,
        key: field.id,
        operations: ["set"],
        ...(field.id === "resolution" ? { allowedValues: catalog.resolutions.map((resolution) => renderResolution(ctx, resolution)) } : {}),
      };
    }
    json.fields = fields;
  }
  return json;
}

/** `GET/POST /issue/{key}/transitions`: the only way to change an issue's status. */
export function registerTransitionRoutes(routes: RouteTable, runtime: SimRuntime, base: string, version: ApiVersion): void {
  routes.get(`${base}/issue/:issueIdOrKey/transitions`, (c) => {
    const actor = restActor(c, version);
    const issue = visibleIssue(runtime, actor.user, param(c, "issueIdOrKey"));
    const withFields = parseExpand([c.req.query("expand")]).has("transitions.fields");
    const only = c.req.query("transitionId");
    const transitions = availableTransitions(runtime.deps, actor, issue).filter((transition) => only === undefined || transition.id === only);
    return jsonResponse({ expand: "transitions", transitions: transitions.map((transition) => renderTransition(runtime.render(version), transition, withFields)) });
  });

  routes.post(`${base}/issue/:issueIdOrKey/transitions`, async (c) => {
    const user = requireUser(c);
    const issue = visibleIssue(runtime, user, param(c, "issueIdOrKey"));
    const raw = await readJsonBody(c);
    if (typeof raw === "object" && raw !== null && !("transition" in raw)) throw badRequest(["Missing 'transition' identifier"]);
    const body = transitionBodySchema.safeParse(raw);
    if (!body.success) {
      throw badRequest(["Can not deserialize instance of com.atlassian.jira.rest.v2.issue.TransitionBean out of VALUE_STRING token"]);
    }
    if (body.data.transition.id === undefined) throw badRequest(["Missing 'transition' identifier"]);
    transitionIssue(runtime.deps, { user, origin: "rest", version }, issue, {
      transitionId: body.data.transition.id,
      fields: body.data.fields ?? {},
      update: body.data.update ?? {},
    });
    return noContent();
  });
}
