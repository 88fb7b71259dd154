import type { AppDeps } from "../deps.ts";
import type { Role } from "../db/schema.ts";

/** Re-exported so route files keep one import; the type lives in server/deps.ts. */
export type { AppDeps };

export type Actor = {
  userId: string;
  email: string;
  displayName: string;
  via: "session" | "token";
  /** Set for cookie sessions: unsafe requests must echo it in X-CSRF-Token. */
  csrfToken: string | null;
  sessionIdHash: string | null;
};

export type Membership = { workspaceId: string; role: Role };

export type AppEnv = {
  Variables: {
    actor: Actor | null;
    membership: Membership | null;
  };
};
