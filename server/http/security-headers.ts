import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

/**
 * Browser hardening on every response. The web UI and the API docs are same-origin builds with no
 * inline scripts, so scripts come from 'self' only; styles allow inline because the component
 * library (Mantine) sets style attributes. No page may be framed. Referrers are never sent (links
 * can carry invitation secrets). HSTS only when the server is published over https.
 */
export function securityHeaders(publicUrl: string | undefined): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: "DENY",
    referrerPolicy: "no-referrer",
    strictTransportSecurity: publicUrl?.startsWith("https://") ? "max-age=31536000; includeSubDomains" : false,
  });
}
