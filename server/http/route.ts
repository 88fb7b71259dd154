import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import type { Access } from "./access.ts";

/** A route as the API declares it: its OpenAPI description plus who may call it. */
export type RouteDefinition<R extends RouteConfig = RouteConfig> = R & { access: Access };

/** Every route defined through `defineRoute`, so tests can check each one (authorisation matrix). */
export const routeTable: RouteDefinition[] = [];

export function defineRoute<R extends RouteConfig>(config: R & { access: Access }): RouteDefinition<R> {
  const route = createRoute(config) as RouteDefinition<R>;
  routeTable.push(route as unknown as RouteDefinition);
  return route;
}

/** `/workspaces/{workspaceId}` → `/workspaces/:workspaceId` (Hono's syntax), for tests and logs. */
export const honoPath = (path: string) => path.replaceAll(/\{(\w+)\}/g, ":$1");
