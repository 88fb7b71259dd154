import type { JiraHttp } from "./http.ts";
import { toStatus } from "./mappers.ts";
import * as s from "./schemas.ts";
import type { JiraTransition } from "./types.ts";

const transitionsPath = (api: string, issueKey: string) => `${api}/issue/${encodeURIComponent(issueKey)}/transitions`;

/** The transitions open to the account from the issue's current status, with their screen fields when asked. */
export async function getTransitions(http: JiraHttp, api: string, issueKey: string, options: { expandFields?: boolean } = {}): Promise<JiraTransition[]> {
  const answer = await http.request({
    method: "GET",
    path: transitionsPath(api, issueKey),
    query: { expand: options.expandFields ? "transitions.fields" : undefined },
    schema: s.transitionsSchema,
  });
  return answer.transitions.map((transition) => ({
    id: transition.id,
    name: transition.name,
    to: toStatus(transition.to),
    hasScreen: transition.hasScreen ?? false,
    fields: Object.entries(transition.fields ?? {}).map(([id, field]) => ({
      id,
      name: field.name ?? id,
      required: field.required,
      schemaType: field.schema?.type ?? null,
      allowedValues: field.allowedValues ?? null,
    })),
  }));
}

export async function transitionIssue(http: JiraHttp, api: string, issueKey: string, transitionId: string, fields?: Record<string, unknown>): Promise<void> {
  await http.request({
    method: "POST",
    path: transitionsPath(api, issueKey),
    body: { transition: { id: transitionId }, ...(fields && Object.keys(fields).length > 0 ? { fields } : {}) },
    schema: s.ignoredBodySchema,
    issueKey,
    permission: "TRANSITION_ISSUES",
  });
}
