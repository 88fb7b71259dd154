import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ZodError } from "zod";
import { UNSAFE_TEXT_MESSAGE } from "../../common/contracts/safe-text.ts";
import { AppError, errorBody } from "../errors.ts";
import type { Logger } from "../logging/logger.ts";

/** zod issues as `details`: where (path) and what (message), nothing internal. */
export function validationError(error: ZodError, where: string): AppError {
  const details = error.issues.map((issue) => ({
    path: issue.path.join("."),
    code: issue.code,
    message: issue.message,
    ...("keys" in issue ? { keys: issue.keys } : {}),
  }));
  const first = details[0];
  const summary = first ? `${first.path ? `${first.path}: ` : ""}${first.message}` : "invalid";
  return new AppError("validation_failed", `Invalid request ${where}: ${summary}`, details);
}

/** The one place an exception becomes a response: typed errors keep their code, anything else is a 500. */
export function toErrorResponse(error: unknown, c: Context, logger: Logger): Response {
  const appError = toAppError(error);
  if (appError.status >= 500) logger.error({ err: error, route: c.req.routePath }, "request failed");
  return c.json(errorBody(appError), appError.status);
}

/**
 * PostgreSQL's class 22 ("data exception": bad encoding, value out of range, invalid text for a
 * type) means the request carried a value the database cannot hold — the caller's input, not our
 * fault. Contracts refuse the known cases with the field's name; this keeps any other a 400.
 */
function isDataException(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^22[0-9A-Z]{3}$/.test(code) && "severity" in current) return true;
  }
  return false;
}

/** A value parsed by a contract that still holds text the database cannot store (see `safeText`). */
export function unsafeTextError(path: (string | number)[], where: string): AppError {
  const field = path.join(".");
  return new AppError("validation_failed", `Invalid request ${where}: ${field ? `${field}: ` : ""}${UNSAFE_TEXT_MESSAGE}`, [
    { path: field, code: "unsafe_text", message: UNSAFE_TEXT_MESSAGE },
  ]);
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isDataException(error)) {
    return new AppError("validation_failed", "A value in the request cannot be stored (out of range or not valid text). Check the values and try again.");
  }
  if (error instanceof HTTPException) {
    if (error.status === 400 && /json/i.test(error.message)) {
      return new AppError("invalid_json", "The request body is not valid JSON.");
    }
    if (error.status === 413) return new AppError("payload_too_large", "The request body is too large.");
    if (error.status === 415) {
      return new AppError("unsupported_media_type", "Send the request body as application/json.");
    }
    if (error.status === 404) return new AppError("not_found", "Not found.");
    return new AppError("validation_failed", error.message);
  }
  return new AppError("internal_error", "Something went wrong on our side. It has been logged.", undefined, {
    cause: error,
  });
}
