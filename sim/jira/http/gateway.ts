import { getPath } from "hono/utils/url";

/**
 * Jira Cloud's API gateway (`https://api.atlassian.com/ex/jira/{cloudId}/rest/…`), served on the
 * simulator's own origin: a request under the site's cloudId is routed as the same `/rest/…`
 * request to the site. Any other cloudId matches no route (404).
 */
const gatewayRoot = "/ex/jira/";

/** Hono's `getPath` that strips the gateway prefix when it names this site. */
export function gatewayAwarePath(cloudId: string | null): (request: Request) => string {
  const prefix = cloudId === null ? null : `${gatewayRoot}${cloudId}/rest/`;
  return (request) => {
    const path = getPath(request);
    return prefix !== null && path.startsWith(prefix) ? path.slice(prefix.length - "/rest/".length) : path;
  };
}

/** Whether the request came in through the gateway (its routed path no longer shows it). */
export function viaGateway(request: Request): boolean {
  return getPath(request).startsWith(gatewayRoot);
}

/** The gateway answers auth failures itself, in its own body shape, before Jira sees the request. */
export function gatewayUnauthorized(): Response {
  return new Response(JSON.stringify({ code: 401, message: "Unauthorized" }), {
    status: 401,
    headers: { "Content-Type": "application/json" },
  });
}
