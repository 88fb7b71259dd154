import { z } from "zod";
import { linkIssues, unlinkIssues } from "../commands/link-commands.ts";
import { JiraHttpError } from "../http/errors.ts";
import { parseBody } from "../http/request.ts";
import type { RouteTable } from "../http/router.ts";
import type { ApiVersion } from "../model/types.ts";
import { renderLinkType } from "../render/meta.ts";
import { renderIssueRef } from "../render/issue.ts";
import type { SimRuntime } from "../runtime.ts";
import { jsonResponse, noContent, requireUser, restActor, visibleIssue } from "./helpers.ts";
import { param } from "../http/request.ts";

const issueRef = z.union([z.object({ key: z.string() }), z.object({ id: z.string() })]);
const linkSchema = z
  .object({
    type: z.union([z.object({ name: z.string() }), z.object({ id: z.string() })]),
    inwardIssue: issueRef,
    outwardIssue: issueRef,
    comment: z.unknown().optional(),
  })
  .loose();

/** `POST /issueLink`, `GET/DELETE /issueLink/{id}`. */
export function registerLinkRoutes(routes: RouteTable, runtime: SimRuntime, base: string, version: ApiVersion): void {
  const ctx = () => runtime.render(version);
  routes.post(`${base}/issueLink`, async (c) => {
    const actor = restActor(c, version);
    const body = await parseBody(c, linkSchema, "LinkIssueRequestJsonBean");
    const type = runtime.store.catalog.linkTypes.find((candidate) => ("name" in body.type ? candidate.name === body.type.name : candidate.id === body.type.id));
    if (!type) throw new JiraHttpError(404, [`No issue link type with name '${"name" in body.type ? body.type.name : body.type.id}' found.`]);
    const ref = (value: z.infer<typeof issueRef>) => ("key" in value ? value.key : value.id);
    const inward = visibleIssue(runtime, actor.user, ref(body.inwardIssue));
    const outward = visibleIssue(runtime, actor.user, ref(body.outwardIssue));
    linkIssues(runtime.deps, actor, type, inward, outward);
    return new Response(null, { status: 201 });
  });

  routes.get(`${base}/issueLink/:linkId`, (c) => {
    const user = requireUser(c);
    const link = runtime.store.links.get(param(c, "linkId"));
    const type = link && runtime.store.catalog.linkTypes.find((candidate) => candidate.id === link.typeId);
    if (!link || !type) throw new JiraHttpError(404, [`No issue link with id '${param(c, "linkId")}' exists.`]);
    const inward = visibleIssue(runtime, user, String(link.inwardIssueId));
    const outward = visibleIssue(runtime, user, String(link.outwardIssueId));
    return jsonResponse({ id: link.id, self: `${runtime.site.baseUrl}${base}/issueLink/${link.id}`, type: renderLinkType(ctx(), type), inwardIssue: renderIssueRef(ctx(), inward), outwardIssue: renderIssueRef(ctx(), outward) });
  });

  routes.delete(`${base}/issueLink/:linkId`, (c) => {
    const actor = restActor(c, version);
    const link = runtime.store.links.get(param(c, "linkId"));
    if (!link) throw new JiraHttpError(404, [`No issue link with id '${param(c, "linkId")}' exists.`]);
    const inward = visibleIssue(runtime, actor.user, String(link.inwardIssueId));
    if (!runtime.store.hasProjectPermission(actor.user, inward.projectId, "LINK_ISSUES")) {
      throw new JiraHttpError(403, [`No Link Issue Permission for issue '${inward.key}'.`]);
    }
    unlinkIssues(runtime.deps, actor, link);
    return noContent();
  });
}
