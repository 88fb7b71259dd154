import { z } from "zod";
import type { JiraHttp } from "./http.ts";
import { toUser, type UserIdentity } from "./mappers.ts";
import { idSchema, userSchema } from "./schemas.ts";
import type { IssueRef, IssueRefPage, JiraUser } from "./types.ts";

/**
 * `GET {api}/user/assignable/search?project=…`: the users who may be assigned issues in one
 * project, optionally narrowed by a search string (`query` on Cloud, `username` on Data Center;
 * both flavours list everyone assignable when it is left out).
 */
export async function assignableUsers(
  http: JiraHttp,
  api: string,
  identity: UserIdentity,
  projectKey: string,
  search: { query: string } | { username: string } | Record<string, never>,
  maxResults = 50,
): Promise<JiraUser[]> {
  const users = await http.request({
    method: "GET",
    path: `${api}/user/assignable/search`,
    query: { project: projectKey, ...search, maxResults },
    schema: z.array(userSchema),
  });
  return users.flatMap((user) => toUser(user, identity) ?? []);
}

const issueRefSchema = z.object({ id: idSchema, key: z.string() });
const tokenRefPageSchema = z.object({ issues: z.array(issueRefSchema), nextPageToken: z.string().nullish(), isLast: z.boolean().optional() });
const offsetRefPageSchema = z.object({ issues: z.array(issueRefSchema), startAt: z.number(), total: z.number() });

/** Only id and key come back: the search names a field no issue has, so Jira sends no field values. */
const noFields = ["key"];

/** Cloud `POST /rest/api/3/search/jql`, one page of ids and keys. */
export async function cloudIssueRefPage(http: JiraHttp, jql: string, options: { cursor?: string | null; pageSize?: number }): Promise<IssueRefPage> {
  const answer = await http.request({
    method: "POST",
    path: "/rest/api/3/search/jql",
    body: { jql, maxResults: options.pageSize ?? 100, fields: noFields, ...(options.cursor ? { nextPageToken: options.cursor } : {}) },
    schema: tokenRefPageSchema,
    idempotent: true,
  });
  const more = answer.isLast === false || (answer.isLast === undefined && Boolean(answer.nextPageToken));
  return { refs: answer.issues.map(toRef), nextCursor: more ? (answer.nextPageToken ?? null) : null };
}

/** Data Center `POST /rest/api/2/search`, one page of ids and keys (offset paging). */
export async function dataCenterIssueRefPage(http: JiraHttp, jql: string, options: { cursor?: string | null; pageSize?: number }): Promise<IssueRefPage> {
  const startAt = options.cursor ? Number.parseInt(options.cursor, 10) || 0 : 0;
  const answer = await http.request({
    method: "POST",
    path: "/rest/api/2/search",
    body: { jql, startAt, maxResults: options.pageSize ?? 100, fields: noFields },
    schema: offsetRefPageSchema,
    idempotent: true,
  });
  const next = answer.startAt + answer.issues.length;
  return { refs: answer.issues.map(toRef), nextCursor: answer.issues.length > 0 && next < answer.total ? String(next) : null };
}

const toRef = (issue: z.infer<typeof issueRefSchema>): IssueRef => ({ id: issue.id, key: issue.key });
