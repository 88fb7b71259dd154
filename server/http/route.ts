import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import { ErrorResponse } from "../../common/contracts/errors.ts";
import type { Access } from "./access.ts";

/**
 * What every operation must say about itself, checked by the compiler here and by the OpenAPI
 * lint test (server/http/openapi-lint.integration.test.ts): a stable camelCase `operationId`
 * (generated clients name their methods from it — never rename one), declared `tags`, and a
 * `description` of what it does and who may call it.
 */
type Documented = { operationId: string; description: string; tags: string[] };

/** A route as the API declares it: its OpenAPI description plus who may call it. */
export type RouteDefinition<R extends RouteConfig = RouteConfig> = R & { access: Access };

/** Every route defined through `defineRoute`, so tests can check each one (authorisation matrix). */
export const routeTable: RouteDefinition[] = [];

export function defineRoute<R extends RouteConfig>(config: R & Documented & { access: Access }): RouteDefinition<R> {
  // Routes anyone may call need no credentials: say so, instead of inheriting the document's security.
  const open = config.access.kind === "public" || config.access.kind === "webhook";
  const route = createRoute({ ...config, ...(open ? { security: [] } : {}), responses: withBodyErrors(config) }) as RouteDefinition<R>;
  routeTable.push(route as unknown as RouteDefinition);
  return route;
}

const error = (description: string) => ({ content: { "application/json": { schema: ErrorResponse } }, description });

/** Any JSON body may be refused before the route sees it (server/app.ts): documented once, here. */
function withBodyErrors(config: RouteConfig): RouteConfig["responses"] {
  if (!config.request?.body) return config.responses;
  return {
    413: error("The body is larger than 1 MiB (code: payload_too_large)"),
    415: error("The body is not sent as application/json (code: unsupported_media_type)"),
    ...config.responses,
  };
}

/** `/workspaces/{workspaceId}` → `/workspaces/:workspaceId` (Hono's syntax), for tests and logs. */
export const honoPath = (path: string) => path.replaceAll(/\{(\w+)\}/g, ":$1");
