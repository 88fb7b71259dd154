import type { z } from "zod";
import { requestText } from "./body.ts";
import type { SimContext } from "./router.ts";
import { badRequest, JiraHttpError } from "./errors.ts";

/**
 * Reads a JSON body the way Jira does: non-JSON content types are refused (form posts trip
 * Jira's XSRF check), malformed JSON is a 400 with a parser message.
 */
export async function readJsonBody(c: SimContext, required = true): Promise<unknown> {
  const contentType = (c.req.header("content-type") ?? "").toLowerCase();
  const text = await requestText(c);
  if (text.trim() === "") {
    if (required) throw badRequest(["No content to map to Object due to end of input"]);
    return undefined;
  }
  if (/^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/.test(contentType)) {
    throw new JiraHttpError(403, ["XSRF check failed"]);
  }
  if (!contentType.startsWith("application/json")) {
    throw new JiraHttpError(415, ["Unsupported Media Type"]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw badRequest([`Unexpected character in JSON body: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

/** Parses a body against a zod schema; a mismatch is Jira's 400 with a deserialisation message. */
export async function parseBody<T>(c: SimContext, schema: z.ZodType<T>, what: string): Promise<T> {
  const body = await readJsonBody(c);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at '${issue.path.join(".")}'` : "";
    throw badRequest([`Can not deserialize ${what}${where}: ${issue?.message ?? "invalid value"}`]);
  }
  return parsed.data;
}

/** All values of a repeatable query parameter. */
export function queryList(c: SimContext, name: string): string[] {
  return c.req.queries(name) ?? [];
}

/** Integer query parameter with Jira's 400 on garbage. */
export function queryInt(c: SimContext, name: string, fallback: number): number {
  const raw = c.req.query(name);
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw badRequest([`The value '${raw}' is invalid for the parameter '${name}'.`]);
  return value;
}

/** A path parameter the route pattern guarantees. */
export function param(c: SimContext, name: string): string {
  const value = c.req.param(name);
  if (value === undefined) throw new Error(`route has no :${name} parameter`);
  return value;
}
