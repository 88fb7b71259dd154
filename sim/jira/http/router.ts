import type { HttpBindings } from "@hono/node-server";
import type { Context, Hono } from "hono";
import type { SimUser } from "../model/types.ts";

/** `requestBody`: the body, read whole before any handler runs (see ./body.ts). */
export type SimEnv = { Bindings: HttpBindings; Variables: { user: SimUser | null; requestBody: string | undefined } };
export type SimContext = Context<SimEnv>;
export type Handler = (c: SimContext) => Response | Promise<Response>;
type Method = "GET" | "POST" | "PUT" | "DELETE";

/**
 * Registers routes and remembers which methods each path answers, so a known path with an
 * unsupported method gets 405 (as Jira does) rather than 404.
 */
export class RouteTable {
  private readonly methodsByPath = new Map<string, Set<Method>>();
  constructor(private readonly app: Hono<SimEnv>) {}

  get(path: string, handler: Handler): void {
    this.add("GET", path, handler);
  }
  post(path: string, handler: Handler): void {
    this.add("POST", path, handler);
  }
  put(path: string, handler: Handler): void {
    this.add("PUT", path, handler);
  }
  delete(path: string, handler: Handler): void {
    this.add("DELETE", path, handler);
  }

  private add(method: Method, path: string, handler: Handler): void {
    this.app.on(method, path, handler);
    let methods = this.methodsByPath.get(path);
    if (!methods) this.methodsByPath.set(path, (methods = new Set()));
    methods.add(method);
  }

  /** Call after all routes: every known path answers other methods with 405. */
  finish(): void {
    for (const [path, methods] of this.methodsByPath) {
      const allow = [...methods, ...(methods.has("GET") ? ["HEAD"] : []), "OPTIONS"].join(",");
      this.app.all(path, (c) => {
        if (c.req.method === "HEAD" && methods.has("GET")) return c.body(null, 200);
        return c.body(null, 405, { Allow: allow });
      });
    }
  }
}
