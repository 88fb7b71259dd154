import type { SimStore } from "../model/store.ts";
import type { ApiVersion } from "../model/types.ts";

/** What a presenter needs to turn records into one API version's JSON. */
export type RenderContext = {
  store: SimStore;
  baseUrl: string;
  version: ApiVersion;
  /** Rendered catalog entries and users, reused across issues (they are immutable once rendered). */
  memo?: Map<string, unknown>;
  /**
   * Who reads the JSON: a REST caller (default) or a webhook receiver. Cloud webhook bodies
   * never carry e-mail addresses, whatever the users' profile visibility.
   */
  audience?: "rest" | "webhook";
};

export function memoized<T>(ctx: RenderContext, key: string, build: () => T): T {
  if (!ctx.memo) return build();
  const cached = ctx.memo.get(key) as T | undefined;
  if (cached !== undefined) return cached;
  const value = build();
  ctx.memo.set(key, value);
  return value;
}

export function apiBase(ctx: RenderContext): string {
  return `${ctx.baseUrl}/rest/api/${ctx.version}`;
}
