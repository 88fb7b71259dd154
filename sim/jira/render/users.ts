import type { SimUser } from "../model/types.ts";
import { apiBase, memoized, type RenderContext } from "./context.ts";

export type UserJson = Record<string, unknown>;

function avatarUrls(baseUrl: string, user: SimUser): Record<string, string> {
  const owner = encodeURIComponent(user.key);
  return {
    "48x48": `${baseUrl}/secure/useravatar?ownerId=${owner}&avatarId=10122`,
    "24x24": `${baseUrl}/secure/useravatar?size=small&ownerId=${owner}&avatarId=10122`,
    "16x16": `${baseUrl}/secure/useravatar?size=xsmall&ownerId=${owner}&avatarId=10122`,
    "32x32": `${baseUrl}/secure/useravatar?size=medium&ownerId=${owner}&avatarId=10122`,
  };
}

/**
 * User JSON as Jira returns it: Cloud by accountId (email only when visible, and never in a
 * webhook body), Data Center by name/key with the email always.
 */
export function renderUser(ctx: RenderContext, user: SimUser): UserJson {
  if (ctx.store.flavor === "cloud") {
    const showEmail = user.emailVisible && ctx.audience !== "webhook";
    return {
      self: `${apiBase(ctx)}/user?accountId=${encodeURIComponent(user.accountId)}`,
      accountId: user.accountId,
      accountType: user.accountType,
      ...(showEmail ? { emailAddress: user.email } : {}),
      avatarUrls: avatarUrls(ctx.baseUrl, user),
      displayName: user.displayName,
      active: user.active,
      timeZone: user.timeZone,
    };
  }
  return {
    self: `${apiBase(ctx)}/user?username=${encodeURIComponent(user.name)}`,
    name: user.name,
    key: user.key,
    emailAddress: user.email,
    avatarUrls: avatarUrls(ctx.baseUrl, user),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
  };
}

export function renderUserByKey(ctx: RenderContext, key: string | null): UserJson | null {
  if (key === null) return null;
  const user = ctx.store.userByKey(key);
  return user ? memoized(ctx, `user:${ctx.audience ?? "rest"}:${key}`, () => renderUser(ctx, user)) : null;
}

/** `/myself` adds locale (and Cloud adds groups/applicationRoles only on expand). */
export function renderMyself(ctx: RenderContext, user: SimUser): UserJson {
  return { ...renderUser(ctx, user), locale: "en_US" };
}
