import type { z } from "zod";
import { ErrorResponse } from "../../../common/contracts/errors.ts";

/** OpenAPI response entries shared by routes. */
export const json = <T>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

/** A required JSON request body with an example (checked against the schema by the compiler and by Spectral). */
export const jsonBody = <S extends z.ZodType>(schema: S, example: z.input<S>) => ({
  content: { "application/json": { schema, example } },
  required: true as const,
});

export const errorResponses = {
  400: json(ErrorResponse, "Invalid request (code: validation_failed or invalid_json)"),
  401: json(ErrorResponse, "Not logged in (code: authentication_required)"),
  403: json(ErrorResponse, "Not allowed (code: forbidden or csrf_failed)"),
  404: json(ErrorResponse, "Not found, or not visible to you (code: not_found)"),
} as const;

export const noContent = { 204: { description: "Done" } } as const;
