import { z } from "zod";
import type { EpicIssueSort } from "../../../common/contracts/jira-listing.ts";
import { AppError } from "../../errors.ts";
import type { Keyset } from "../../models/epic-listing-cache.ts";

const CursorBody = z.object({ s: z.enum(["rank", "status", "updated"]), k: z.array(z.union([z.string().max(300), z.number()])).min(1).max(4) });

/** An opaque cursor: the sort it belongs to and the keyset of the last row served. */
export function encodeCursor(sort: EpicIssueSort, keyset: Keyset): string {
  return Buffer.from(JSON.stringify({ s: sort, k: keyset })).toString("base64url");
}

export function decodeCursor(cursor: string, sort: EpicIssueSort): Keyset {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    parsed = null;
  }
  const body = CursorBody.safeParse(parsed);
  const expected = sort === "rank" ? 1 : sort === "status" ? 3 : 2;
  if (!body.success || body.data.s !== sort || body.data.k.length !== expected) {
    throw new AppError("validation_failed", "The cursor is not one this listing gave out for this sort. Start again without a cursor.", [{ path: "cursor", code: "invalid", message: "unknown cursor" }]);
  }
  return body.data.k;
}
