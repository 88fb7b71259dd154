import { z } from "zod";
import { JiraError } from "./errors.ts";
import { ignoredBodySchema } from "./schemas.ts";
import type { JiraHttp } from "./http.ts";

const propertySchema = z.object({ key: z.string(), value: z.unknown() });

const propertyPath = (api: string, issueKey: string, key: string) =>
  `${api}/issue/${encodeURIComponent(issueKey)}/properties/${encodeURIComponent(key)}`;

/** An issue property's value; null when the issue has no such property (404). Other failures throw. */
export async function getIssueProperty(http: JiraHttp, api: string, issueKey: string, key: string): Promise<unknown> {
  try {
    const answer = await http.request({ method: "GET", path: propertyPath(api, issueKey, key), schema: propertySchema });
    return answer.value ?? null;
  } catch (error) {
    if (error instanceof JiraError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

/** Creates or replaces an issue property (needs Edit Issues). Idempotent, so retried like any PUT. */
export async function setIssueProperty(http: JiraHttp, api: string, issueKey: string, key: string, value: unknown): Promise<void> {
  await http.request({ method: "PUT", path: propertyPath(api, issueKey, key), body: value, schema: ignoredBodySchema, issueKey, permission: "EDIT_ISSUES" });
}
