import type { z } from "zod";

/** A Mantine form validator from a contract's zod schema: the first issue's message, or null. */
export function zodFieldError(schema: z.ZodType) {
  return (value: unknown): string | null => {
    const result = schema.safeParse(value);
    return result.success ? null : (result.error.issues[0]?.message ?? "Invalid value");
  };
}
