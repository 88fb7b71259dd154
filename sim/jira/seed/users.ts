import { createHash } from "node:crypto";
import type { SimUser } from "../model/types.ts";

export type UserDraft = {
  name: string;
  displayName: string;
  email?: string | undefined;
  emailVisible?: boolean | undefined;
  siteAdmin?: boolean | undefined;
  apiToken?: string | undefined;
  scopedApiToken?: string | undefined;
  password?: string | undefined;
  personalAccessToken?: string | undefined;
  accountId?: string | undefined;
  timeZone?: string | undefined;
};

/** Deterministic Cloud-style account id ("712020:uuid") from the username. */
export function accountIdFor(name: string): string {
  const hex = createHash("sha256").update(`account:${name}`).digest("hex");
  return `712020:${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function buildUser(draft: UserDraft): SimUser {
  return {
    accountId: draft.accountId ?? accountIdFor(draft.name),
    name: draft.name,
    key: draft.name.startsWith("JIRAUSER") ? draft.name : `JIRAUSER${10000 + Math.abs(hashCode(draft.name)) % 90000}`,
    displayName: draft.displayName,
    email: draft.email ?? `${draft.name}@tether.example`,
    emailVisible: draft.emailVisible ?? true,
    apiToken: draft.apiToken ?? `sim-token-${draft.name}`,
    scopedApiTokens: draft.scopedApiToken ? [draft.scopedApiToken] : [],
    password: draft.password ?? `${draft.name}-password`,
    personalAccessTokens: [draft.personalAccessToken ?? `sim-pat-${draft.name}`],
    siteAdmin: draft.siteAdmin ?? false,
    active: true,
    timeZone: draft.timeZone ?? "Europe/Berlin",
    accountType: "atlassian",
  };
}

function hashCode(value: string): number {
  let hash = 0;
  for (const char of value) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

/** The demo cast. Credentials are printed by the CLI and used by tests. */
export const demoUsers: readonly UserDraft[] = [
  { name: "ada", displayName: "Ada Admin", email: "ada@tether.example", siteAdmin: true, scopedApiToken: "sim-scoped-token-ada" },
  { name: "ben", displayName: "Ben Builder", email: "ben@tether.example", emailVisible: false },
  { name: "cara", displayName: "Cara Coder", email: "cara@tether.example" },
  { name: "dan", displayName: "Dan Designer", email: "dan@tether.example", emailVisible: false, timeZone: "America/New_York" },
  { name: "eve", displayName: "Eve Viewer", email: "eve@tether.example" },
  { name: "olly", displayName: "Olly Outsider", email: "olly@tether.example" },
];
