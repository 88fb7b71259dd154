import type { MiddlewareHandler } from "hono";
import { AppError } from "../errors.ts";

/**
 * How deep a JSON request body may nest. Our contracts need a few levels and Jira's webhook
 * payloads (rich text documents) a few dozen; thousands only serve to exhaust the parser's or a
 * validator's stack.
 */
export const MAX_JSON_DEPTH = 64;

/** Whether brackets nest deeper than `max` outside strings: one linear pass, no parsing. */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      if (++depth > max) return true;
    } else if (char === 0x5d || char === 0x7d) depth--;
  }
  return false;
}

/** Refuses over-deep JSON bodies before anything parses them (the body is read once and cached). */
export function jsonDepthLimit(max = MAX_JSON_DEPTH): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD" && /json/i.test(c.req.header("content-type") ?? "")) {
      if (jsonNestsDeeperThan(await c.req.text(), max)) {
        throw new AppError("invalid_json", `The request body nests deeper than ${max} levels.`);
      }
    }
    return next();
  };
}
