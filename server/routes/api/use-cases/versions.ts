import { AppError } from "../../../errors.ts";

export const etag = (version: number) => `"${version}"`;

/**
 * The version a writer read: from the body's `version` or an `If-Match` ETag (`"3"`, `W/"3"`).
 * A stale one is a 409 version_conflict either way, so clients handle one code.
 */
export function expectedVersion(bodyVersion: number | undefined, ifMatch: string | undefined): number {
  const fromHeader = ifMatch === undefined ? undefined : parseIfMatch(ifMatch);
  if (bodyVersion !== undefined && fromHeader !== undefined && bodyVersion !== fromHeader) {
    throw new AppError("validation_failed", `The body's version (${bodyVersion}) and If-Match (${fromHeader}) disagree. Send one.`);
  }
  const version = bodyVersion ?? fromHeader;
  if (version === undefined) {
    throw new AppError("precondition_required", 'Send the version you read, as "version" in the body or as If-Match: "<version>".');
  }
  return version;
}

function parseIfMatch(header: string): number {
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match?.[1]) {
    throw new AppError("validation_failed", `If-Match must be one ETag of this API, like "3" (got ${JSON.stringify(header.slice(0, 40))}).`);
  }
  return Number(match[1]);
}
