import type { z } from "zod";
import { ErrorResponse } from "../../common/contracts/errors.ts";

/** An error the API answered with (`{ error: { code, message, details } }`), or a failed call. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export const isApiError = (error: unknown, code?: string): error is ApiError =>
  error instanceof ApiError && (code === undefined || error.code === code);

/** The session's CSRF token, echoed on every write (cookie sessions must prove same-origin). */
let csrfToken: string | null = null;
export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

async function send(method: Method, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  const init: RequestInit = { method, headers, credentials: "same-origin" };
  if (body !== undefined) init.body = JSON.stringify(body);
  try {
    return await fetch(`/api/v1${path}`, init);
  } catch (cause) {
    throw new ApiError(0, "network_error", "Tether could not be reached. Check your connection and try again.", undefined, { cause });
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ApiError(response.status, "invalid_response", `The server answered ${response.status} with a body that is not JSON.`, undefined, { cause });
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const parsed = ErrorResponse.safeParse(await readJson(response).catch(() => undefined));
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(response.status, code, message, details);
  }
  return new ApiError(response.status, "http_error", `The server answered ${response.status} ${response.statusText}.`);
}

/** Calls the API and parses the answer with the contract's schema; a wrong shape is an error, not data. */
export async function request<S extends z.ZodType>(method: Method, path: string, schema: S, body?: unknown): Promise<z.output<S>> {
  const response = await send(method, path, body);
  if (!response.ok) throw await toApiError(response);
  const json = await readJson(response);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(response.status, "invalid_response", `Unexpected answer from ${method} ${path}.`, parsed.error.issues, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/** For calls answered with 204 No Content. */
export async function requestNoContent(method: Method, path: string, body?: unknown): Promise<void> {
  const response = await send(method, path, body);
  if (!response.ok) throw await toApiError(response);
}

export const api = {
  get: <S extends z.ZodType>(path: string, schema: S) => request("GET", path, schema),
  post: <S extends z.ZodType>(path: string, schema: S, body: unknown = {}) => request("POST", path, schema, body),
  patch: <S extends z.ZodType>(path: string, schema: S, body: unknown) => request("PATCH", path, schema, body),
  delete: (path: string) => requestNoContent("DELETE", path),
};

/** Builds a query string, leaving out empty values. */
/** A list value repeats its parameter (`?cf=a&cf=b`). */
export function queryString(params: Record<string, string | number | readonly string[] | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) for (const item of value) search.append(key, item);
    else if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
