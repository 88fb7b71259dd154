import * as s from "./schemas.ts";
import type { JiraHttp } from "./http.ts";
import type * as t from "./types.ts";

/** Issue links (`/issueLinkType`, `/issueLink`): the same resources on both flavours, under `api`. */
export async function listIssueLinkTypes(http: JiraHttp, api: string): Promise<t.IssueLinkType[]> {
  const answer = await http.request({ method: "GET", path: `${api}/issueLinkType`, schema: s.issueLinkTypesSchema });
  return answer.issueLinkTypes;
}

export async function createIssueLink(http: JiraHttp, api: string, link: t.IssueLinkDraft): Promise<void> {
  await http.request({
    method: "POST",
    path: `${api}/issueLink`,
    body: { type: { name: link.typeName }, inwardIssue: { key: link.inwardIssueKey }, outwardIssue: { key: link.outwardIssueKey } },
    schema: s.ignoredBodySchema,
    permission: "LINK_ISSUES",
  });
}

/** An issue's links, each with both ends (Jira names only the other end; this issue is the missing one). */
export async function issueLinks(http: JiraHttp, api: string, issueKey: string): Promise<t.IssueLink[]> {
  const issue = await http.request({
    method: "GET",
    path: `${api}/issue/${encodeURIComponent(issueKey)}`,
    query: { fields: "issuelinks" },
    schema: s.issueLinksSchema,
    issueKey,
  });
  const self = { key: issue.key, id: issue.id };
  return (issue.fields.issuelinks ?? []).map((link) => {
    const outward = link.outwardIssue ?? self;
    const inward = link.inwardIssue ?? self;
    return { id: link.id, typeName: link.type.name, outwardIssueKey: outward.key, outwardIssueId: outward.id, inwardIssueKey: inward.key, inwardIssueId: inward.id };
  });
}

export async function deleteIssueLink(http: JiraHttp, api: string, linkId: string): Promise<void> {
  await http.request({
    method: "DELETE",
    path: `${api}/issueLink/${encodeURIComponent(linkId)}`,
    schema: s.ignoredBodySchema,
    idempotent: true,
    permission: "LINK_ISSUES",
  });
}
