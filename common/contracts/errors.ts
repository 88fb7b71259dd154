import { z } from "zod";

/** Every error response of the API: `{ error: { code, message, details? } }`. Match on `code`. */
export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;
