import { z } from "zod";
import { badRequest, JiraHttpError } from "../http/errors.ts";
import { parseBody, queryInt, queryList } from "../http/request.ts";
import type { RouteTable, SimContext } from "../http/router.ts";
import type { ApiVersion, SimUser } from "../model/types.ts";
import { parseExpand, selectFields, type FieldSelection } from "../render/field-selection.ts";
import { renderIssue } from "../render/issue.ts";
import type { SimRuntime } from "../runtime.ts";
import { decodePageToken, encodePageToken, type SearchService } from "../search/search-service.ts";
import { requireUser } from "./helpers.ts";

const cloudSearchBody = z
  .object({
    jql: z.string().optional(),
    nextPageToken: z.string().optional(),
    maxResults: z.number().int().optional(),
    fields: z.array(z.string()).optional(),
    expand: z.string().optional(),
    properties: z.array(z.string()).optional(),
    fieldsByKeys: z.boolean().optional(),
    failFast: z.boolean().optional(),
    reconcileIssues: z.array(z.number().int()).optional(),
  })
  .strict();

const dcSearchBody = z
  .object({
    jql: z.string().optional(),
    startAt: z.number().int().optional(),
    maxResults: z.number().int().optional(),
    fields: z.array(z.string()).optional(),
    expand: z.array(z.string()).optional(),
    validateQuery: z.union([z.boolean(), z.string()]).optional(),
    properties: z.array(z.string()).optional(),
    fieldsByKeys: z.boolean().optional(),
  })
  .strict();

const removedSearchMessage =
  "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046";

type CloudSearchRequest = {
  jql: string;
  nextPageToken?: string | undefined;
  maxResults?: number | undefined;
  fields: string[];
  expand: Set<string>;
  reconcileIssues?: number[] | undefined;
};
type DcSearchRequest = { jql: string; startAt: number; maxResults?: number | undefined; fields: string[]; expand: Set<string> };

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json;charset=UTF-8" } });
}

/** Cloud: `/search/jql` with tokens and no total (the old endpoints answer 410). Data Center: `/search` with startAt/total. */
export function registerSearchRoutes(routes: RouteTable, runtime: SimRuntime, search: SearchService, base: string, version: ApiVersion): void {
  const catalogFields = () => runtime.store.catalog.fields;
  const page = (issues: readonly number[], offset: number, size: number, fields: FieldSelection, expand: Set<string>) =>
    issues.slice(offset, offset + size).flatMap((id) => {
      const issue = runtime.store.issues.get(id);
      return issue ? [renderIssue(runtime.render(version), issue, { fields, expand })] : [];
    });

  /**
   * Cloud's index lags writes (`searchIndexLagMs`): new issues are missing and changed ones match
   * their old values, except the issues the caller asked to reconcile, which are read fresh.
   */
  const cloudIds = (user: SimUser, jql: string, reconcile: readonly number[]): number[] => {
    if (runtime.faults.searchIndexLagMs <= 0) return search.search(user, jql);
    const fresh = new Set(reconcile);
    const views = runtime.views;
    return search.search(user, jql, (issue) => (fresh.has(issue.id) ? views.of(issue) : runtime.index.indexed(issue, () => views.of(issue))));
  };

  const cloudSearch = async (user: SimUser, request: CloudSearchRequest) => {
    if (request.jql.trim() === "" || /^order\s+by\b/i.test(request.jql.trim())) {
      throw badRequest(["Unbounded JQL queries are not allowed here. Please add a search restriction to your query."]);
    }
    const ids = cloudIds(user, request.jql, request.reconcileIssues ?? []);
    const fields = selectFields(request.fields, "id", catalogFields());
    // Jira serves up to 5000 ids per page, but far fewer once fields are requested.
    const cap = fields.ids.length === 0 ? 5000 : 100;
    const size = Math.max(1, Math.min(request.maxResults ?? 50, cap));
    const offset = request.nextPageToken ? decodePageToken(request.jql, request.nextPageToken) : 0;
    const issues = page(ids, offset, size, fields, request.expand);
    const isLast = offset + size >= ids.length;
    return json({ issues, ...(isLast ? {} : { nextPageToken: encodePageToken(request.jql, offset + size) }), isLast });
  };

  const dcSearch = async (user: SimUser, request: DcSearchRequest) => {
    const ids = search.search(user, request.jql);
    const fields = selectFields(request.fields, "*navigable", catalogFields());
    const size = Math.max(0, Math.min(request.maxResults ?? 50, 1000));
    if (request.startAt < 0) throw badRequest(["startAt must be greater than or equal to 0."]);
    return json({ expand: "schema,names", startAt: request.startAt, maxResults: size, total: ids.length, issues: page(ids, request.startAt, size, fields, request.expand) });
  };

  if (runtime.site.flavor === "cloud") {
    const removed = () => {
      throw new JiraHttpError(410, [removedSearchMessage]);
    };
    routes.get(`${base}/search`, removed);
    routes.post(`${base}/search`, removed);
    routes.get(`${base}/search/jql`, (c: SimContext) =>
      cloudSearch(requireUser(c), {
        jql: c.req.query("jql") ?? "",
        nextPageToken: c.req.query("nextPageToken"),
        maxResults: c.req.query("maxResults") === undefined ? undefined : queryInt(c, "maxResults", 50),
        fields: queryList(c, "fields"),
        expand: parseExpand(queryList(c, "expand")),
      }),
    );
    routes.post(`${base}/search/jql`, async (c: SimContext) => {
      const user = requireUser(c);
      const body = await parseBody(c, cloudSearchBody, "SearchAndReconcileRequestBean");
      return cloudSearch(user, {
        jql: body.jql ?? "",
        nextPageToken: body.nextPageToken,
        maxResults: body.maxResults,
        fields: body.fields ?? [],
        expand: parseExpand([body.expand]),
        reconcileIssues: body.reconcileIssues,
      });
    });
    return;
  }

  routes.get(`${base}/search`, (c: SimContext) =>
    dcSearch(requireUser(c), {
      jql: c.req.query("jql") ?? "",
      startAt: queryInt(c, "startAt", 0),
      maxResults: c.req.query("maxResults") === undefined ? undefined : queryInt(c, "maxResults", 50),
      fields: queryList(c, "fields"),
      expand: parseExpand(queryList(c, "expand")),
    }),
  );
  routes.post(`${base}/search`, async (c: SimContext) => {
    const user = requireUser(c);
    const body = await parseBody(c, dcSearchBody, "SearchRequestBean");
    return dcSearch(user, { jql: body.jql ?? "", startAt: body.startAt ?? 0, maxResults: body.maxResults, fields: body.fields ?? [], expand: new Set(body.expand ?? []) });
  });
}

