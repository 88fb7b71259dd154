import type { z } from "zod";
import type { createdIssuesSchema } from "./schemas.ts";
import type { BulkCreateResult } from "./types.ts";

/**
 * Maps one `POST /issue/bulk` answer back to the drafts sent. Jira lists the created issues in
 * input order, skipping failed elements, which it names by position (`failedElementNumber`).
 */
export function bulkCreateOutcome(
  answer: z.infer<typeof createdIssuesSchema>,
  sent: number,
  offset: number,
): BulkCreateResult {
  const errors = answer.errors ?? [];
  const failedAt = new Set(errors.map((e) => e.failedElementNumber));
  const result: BulkCreateResult = { created: [], failed: [] };
  let createdIndex = 0;
  for (let i = 0; i < sent; i += 1) {
    if (failedAt.has(i)) continue;
    const created = answer.issues[createdIndex++];
    if (created) result.created.push({ index: offset + i, id: created.id, key: created.key });
  }
  for (const error of errors) {
    result.failed.push({
      index: offset + (error.failedElementNumber ?? 0),
      status: error.status ?? null,
      errorMessages: error.elementErrors?.errorMessages ?? [],
      fieldErrors: Object.fromEntries(Object.entries(error.elementErrors?.errors ?? {}).map(([k, v]) => [k, String(v)])),
    });
  }
  return result;
}
