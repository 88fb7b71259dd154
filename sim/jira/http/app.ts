import { Hono } from "hono";
import type { SimControl } from "../control.ts";
import type { ApiVersion } from "../model/types.ts";
import { registerAgileRoutes } from "../routes/agile-routes.ts";
import { registerBacklogRoutes } from "../routes/backlog-routes.ts";
import { registerCommentRoutes } from "../routes/comment-routes.ts";
import { registerControlRoutes } from "../routes/control-routes.ts";
import { registerIssuePages } from "../pages/issue-pages.ts";
import { registerIssueRoutes } from "../routes/issue-routes.ts";
import { registerLinkRoutes } from "../routes/link-routes.ts";
import { registerMetaRoutes } from "../routes/meta-routes.ts";
import { registerPriorityRoutes } from "../routes/priority-routes.ts";
import { registerScreenRoutes } from "../routes/screen-routes.ts";
import { registerSearchRoutes } from "../routes/search-routes.ts";
import { registerTransitionRoutes } from "../routes/transition-routes.ts";
import { registerUserRoutes } from "../routes/user-routes.ts";
import { registerWebhookAdminRoutes } from "../routes/webhook-admin-routes.ts";
import type { SimRuntime } from "../runtime.ts";
import { SearchService } from "../search/search-service.ts";
import { authenticate } from "./auth.ts";
import { bufferRequestBody } from "./body.ts";
import { JiraHttpError } from "./errors.ts";
import { faultMiddleware } from "./faults.ts";
import { gatewayAwarePath, gatewayUnauthorized, viaGateway } from "./gateway.ts";
import { RouteTable, type SimEnv } from "./router.ts";

function errorResponse(error: JiraHttpError): Response {
  return new Response(JSON.stringify(error.body()), {
    status: error.status,
    headers: { "Content-Type": "application/json;charset=UTF-8", ...error.headers },
  });
}

/** Builds the Hono app: request log → faults → auth → Jira routes; `/_sim` control routes when enabled. */
export function buildApp(runtime: SimRuntime, control: SimControl | null): { app: Hono<SimEnv>; search: SearchService } {
  const cloudId = runtime.site.flavor === "cloud" ? runtime.site.cloudId : null;
  const app = new Hono<SimEnv>({ getPath: gatewayAwarePath(cloudId) });
  const search = new SearchService(runtime);

  app.use("*", bufferRequestBody());
  app.use("/rest/*", async (c, next) => {
    const started = performance.now();
    await next();
    const url = c.req.url;
    const queryStart = url.indexOf("?");
    runtime.logRequest({
      at: new Date().toISOString(),
      method: c.req.method,
      path: c.req.path,
      query: queryStart < 0 ? "" : url.slice(queryStart + 1),
      status: c.res.status,
      user: c.get("user")?.name ?? null,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      via: viaGateway(c.req.raw) ? "gateway" : "site",
    });
  });
  app.use("/rest/*", faultMiddleware(runtime));
  app.use("/rest/*", async (c, next) => {
    if (viaGateway(c.req.raw)) {
      // The gateway lets no anonymous or non-scoped caller through to the site.
      let result;
      try {
        result = authenticate(runtime.store, runtime.site, c.req.header("authorization"), "gateway");
      } catch (error) {
        if (error instanceof JiraHttpError && error.status === 401) return gatewayUnauthorized();
        throw error;
      }
      if (result.kind === "anonymous") return gatewayUnauthorized();
      c.set("user", result.user);
    } else {
      const result = authenticate(runtime.store, runtime.site, c.req.header("authorization"));
      c.set("user", result.kind === "user" ? result.user : null);
    }
    await next();
  });

  const routes = new RouteTable(app);
  const versions: ApiVersion[] = runtime.site.flavor === "cloud" ? [3, 2] : [2];
  for (const version of versions) {
    const base = `/rest/api/${version}`;
    registerMetaRoutes(routes, runtime, base, version);
    registerPriorityRoutes(routes, runtime, base, version);
    registerUserRoutes(routes, runtime, base, version);
    registerSearchRoutes(routes, runtime, search, base, version);
    registerScreenRoutes(routes, runtime, base, version);
    registerIssueRoutes(routes, runtime, base, version);
    registerTransitionRoutes(routes, runtime, base, version);
    registerCommentRoutes(routes, runtime, base, version);
    registerLinkRoutes(routes, runtime, base, version);
  }
  registerAgileRoutes(routes, runtime, search);
  registerBacklogRoutes(routes, runtime);
  registerWebhookAdminRoutes(routes, runtime, search);
  routes.finish();

  if (cloudId !== null) {
    // Public, like the real one: clients read the cloudId here to build gateway URLs.
    app.get("/_edge/tenant_info", (c) => c.json({ cloudId }));
  }
  if (control) {
    registerControlRoutes(app, control);
    registerIssuePages(app, control);
  }

  app.notFound((c) => {
    if (c.req.path.startsWith("/rest/")) {
      return errorResponse(new JiraHttpError(404, [`null for uri: ${c.req.url}`]));
    }
    return c.text("Not Found", 404);
  });
  app.onError((error, c) => {
    if (error instanceof JiraHttpError) return errorResponse(error);
    console.error(`jira-sim: ${c.req.method} ${c.req.path} failed`, error);
    return errorResponse(new JiraHttpError(500, ["Internal server error"], {}, {}, { cause: error }));
  });
  return { app, search };
}
