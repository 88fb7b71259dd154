import type { OpenAPIHono, RouteConfig, RouteHandler } from "@hono/zod-openapi";
import { accessMiddleware } from "./access.ts";
import type { RouteDefinition } from "./route.ts";
import type { AppDeps, AppEnv } from "./types.ts";

/** Registers a route with its access rule in front of validation, so outsiders learn nothing from 400s. */
export function mount<R extends RouteConfig>(
  app: OpenAPIHono<AppEnv>,
  deps: AppDeps,
  route: RouteDefinition<R>,
  handler: RouteHandler<R, AppEnv>,
): void {
  const { access, ...config } = route;
  const extra = config.middleware === undefined ? [] : Array.isArray(config.middleware) ? config.middleware : [config.middleware];
  app.openapi({ ...config, middleware: [accessMiddleware(access, deps.db), ...extra] } as unknown as R, handler as never);
}
