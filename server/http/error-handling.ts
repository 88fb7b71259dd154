import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ZodError } from "zod";
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

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
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
