import type { SimStore } from "../model/store.ts";
import type { SimUser } from "../model/types.ts";
import type { SiteSettings } from "../runtime.ts";
import { JiraHttpError, notAuthenticated } from "./errors.ts";

export type AuthResult = { kind: "anonymous" } | { kind: "user"; user: SimUser };

function failure(site: SiteSettings, message?: string): JiraHttpError {
  // Data Center tells why through Seraph's headers; Cloud only says "not authenticated".
  const headers: Record<string, string> =
    site.flavor === "datacenter"
      ? { "X-Seraph-LoginReason": "AUTHENTICATED_FAILED", "X-AUSERNAME": "anonymous", "WWW-Authenticate": 'Basic realm="protected-by-atlassian"' }
      : { "WWW-Authenticate": 'Basic realm="protected-by-atlassian"' };
  if (message) return new JiraHttpError(401, [message], {}, headers);
  return notAuthenticated(headers);
}

function decodeBasic(value: string): { user: string; secret: string } | null {
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  return { user: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/** Where a Cloud request came in: the site URL, or the `/ex/jira/{cloudId}` API gateway. */
export type Entry = "site" | "gateway";

/**
 * Authenticates like the real products: Cloud takes `Basic email:apiToken` (a scoped API token
 * only through the gateway, a classic one only on the site); Data Center takes `Bearer <PAT>`
 * and (unless disabled) `Basic username:password`. Bad credentials are a 401 even on endpoints
 * that would allow anonymous access.
 */
export function authenticate(store: SimStore, site: SiteSettings, header: string | undefined, entry: Entry = "site"): AuthResult {
  if (!header) return { kind: "anonymous" };
  const space = header.indexOf(" ");
  const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
  const value = space < 0 ? "" : header.slice(space + 1).trim();
  if (scheme === "basic") {
    const credentials = decodeBasic(value);
    if (!credentials) throw failure(site);
    if (site.flavor === "cloud") {
      const user = store.userByEmail(credentials.user);
      if (!user || !user.active) throw failure(site);
      const accepted = entry === "gateway" ? user.scopedApiTokens.includes(credentials.secret) : user.apiToken === credentials.secret;
      if (!accepted) throw failure(site);
      return { kind: "user", user };
    }
    if (!site.dcBasicAuth) throw failure(site, "Basic Authentication has been disabled on this instance.");
    const user = store.userByName(credentials.user);
    if (!user || !user.active || user.password !== credentials.secret) throw failure(site);
    return { kind: "user", user };
  }
  if (scheme === "bearer" && site.flavor === "datacenter") {
    for (const user of store.users.values()) {
      if (user.active && user.personalAccessTokens.includes(value)) return { kind: "user", user };
    }
    throw failure(site);
  }
  throw failure(site);
}
