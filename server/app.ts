import { subscribeJiraSync } from "./commands/jira/subscriptions.ts";
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { authenticate } from "./auth/authenticate.ts";
import { AppError, errorBody } from "./errors.ts";
import { findUnsafeText } from "../common/contracts/safe-text.ts";
import { toErrorResponse, unsafeTextError, validationError } from "./http/error-handling.ts";
import { jsonDepthLimit } from "./http/json-depth.ts";
import { describeApi, serveOpenApiDocument } from "./http/openapi.ts";
import { securityHeaders } from "./http/security-headers.ts";
import type { AppDeps, AppEnv } from "./http/types.ts";
import { registerApiRoutes } from "./routes/api/index.ts";
import { registerApiDocs } from "./routes/api-docs.ts";
import { registerJiraWebhookRoute } from "./routes/hooks/jira.ts";
import { registerOpsRoutes } from "./routes/ops.ts";
import { serveWebApp } from "./routes/web.ts";

export const MAX_BODY_BYTES = 1024 * 1024;

/** The web process's HTTP application: ops endpoints, the JSON API under /api/v1, the web UI. */
export function createApp(deps: AppDeps, options: { webDir?: string | null } = {}) {
  subscribeJiraSync();
  const app = new OpenAPIHono<AppEnv>();
  app.onError((error, c) => toErrorResponse(error, c, deps.logger));
  app.notFound((c) => c.json(errorBody(new AppError("not_found", `No route for ${c.req.method} ${c.req.path}.`)), 404));

  app.use("*", securityHeaders(deps.env.PUBLIC_URL));
  // gzip for JSON and index.html; built assets arrive already compressed (server/routes/web.ts) and are left alone.
  app.use("*", compress());
  // Every route, the API and whatever takes bodies beside it (webhooks): bounded size and depth.
  app.use(
    "*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new AppError("payload_too_large", `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
      },
    }),
  );
  app.use("*", jsonDepthLimit());
  app.use("*", async (c, next) => {
    const started = performance.now();
    await next();
    const route = c.req.routePath;
    deps.metrics.httpRequests.inc({ method: c.req.method, route, status: String(c.res.status) });
    const seconds = (performance.now() - started) / 1000;
    deps.metrics.httpDuration.observe({ method: c.req.method, route }, seconds);
    // Path and route only: query strings and headers may carry secrets (invitation tokens, cookies).
    if (!["/healthz", "/readyz", "/metrics"].includes(route)) {
      const level = c.req.path.startsWith("/api/") ? "info" : "debug";
      deps.logger[level]({ method: c.req.method, route, status: c.res.status, ms: Math.round(seconds * 1000) }, "request");
    }
  });
  registerOpsRoutes(app, deps);
  registerApiDocs(app);
  registerJiraWebhookRoute(app, deps);

  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      const where = result.target === "json" ? "body" : result.target;
      if (!result.success) throw validationError(result.error, where);
      // Backstop for contract fields not built on safeText(): text the database cannot store is a 400 here.
      const unsafe = findUnsafeText(result.data);
      if (unsafe) throw unsafeTextError(unsafe, where);
    },
  });
  api.onError((error, c) => toErrorResponse(error, c, deps.logger));
  api.use("*", authenticate(deps.db));
  registerApiRoutes(api, deps);
  describeApi(api);
  serveOpenApiDocument(api);
  app.route("/api/v1", api);
  if (options.webDir) serveWebApp(app, options.webDir);
  return app;
}
