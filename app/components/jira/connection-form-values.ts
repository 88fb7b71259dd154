import type { ConnectionKind, JiraConnection, SaveConnectionBody } from "../../../common/contracts/jira-connection.ts";

type KindInfo = {
  label: string;
  /** What the account field is called, or null when this kind has none (a PAT names its account). */
  accountLabel: string | null;
  accountPlaceholder: string;
  secretLabel: string;
  baseUrlPlaceholder: string;
  hint: string;
};

export const connectionKinds: Record<ConnectionKind, KindInfo> = {
  cloud: {
    label: "Jira Cloud (email + API token)",
    accountLabel: "Account email",
    accountPlaceholder: "jira-admin@example.com",
    secretLabel: "API token",
    baseUrlPlaceholder: "https://your-site.atlassian.net",
    hint: "The account's email and an API token created at id.atlassian.com → Security → API tokens.",
  },
  cloud_scoped: {
    label: "Jira Cloud scoped token (via api.atlassian.com)",
    accountLabel: "Account email",
    accountPlaceholder: "jira-admin@example.com",
    secretLabel: "API token",
    baseUrlPlaceholder: "https://your-site.atlassian.net",
    hint: "A scoped API token works only through Atlassian's API gateway; Tether finds the site's cloud id itself.",
  },
  datacenter_pat: {
    label: "Jira Data Center (Personal Access Token)",
    accountLabel: null,
    accountPlaceholder: "",
    secretLabel: "Personal Access Token",
    baseUrlPlaceholder: "https://jira.example.com",
    hint: "Create the token in Jira under your profile → Personal Access Tokens.",
  },
  datacenter_basic: {
    label: "Jira Data Center (username + password)",
    accountLabel: "Username",
    accountPlaceholder: "jira-admin",
    secretLabel: "Password",
    baseUrlPlaceholder: "https://jira.example.com",
    hint: "For older servers that still allow basic authentication; prefer a Personal Access Token.",
  },
};

export const connectionKindOptions = (Object.keys(connectionKinds) as ConnectionKind[]).map((value) => ({
  value,
  label: connectionKinds[value].label,
}));

export type ConnectionFormValues = {
  kind: ConnectionKind;
  baseUrl: string;
  accountName: string;
  /** Empty means "keep the stored secret" when a connection exists. */
  secret: string;
  projectKeys: string[];
  /** YYYY-MM-DD or null: when the token expires (Jira does not tell; Tether warns before it). */
  secretExpiresOn: string | null;
};

export const emptyConnectionForm: ConnectionFormValues = {
  kind: "cloud",
  baseUrl: "",
  accountName: "",
  secret: "",
  projectKeys: [],
  secretExpiresOn: null,
};

/** The secret is never known to the UI: the form always starts with it empty. */
export function formValuesOf(connection: JiraConnection | null): ConnectionFormValues {
  if (!connection) return emptyConnectionForm;
  return {
    kind: connection.kind,
    baseUrl: connection.baseUrl,
    accountName: connection.accountName ?? "",
    secret: "",
    projectKeys: connection.projectKeys,
    secretExpiresOn: connection.secret.expiresOn,
  };
}

/** Project keys as typed: upper-cased, split on commas and spaces, without duplicates. */
export function normaliseProjectKeys(keys: readonly string[]): string[] {
  const all = keys.flatMap((key) => key.split(/[\s,;]+/)).map((key) => key.trim().toUpperCase());
  return [...new Set(all.filter((key) => key !== ""))];
}

/**
 * The PUT body. The account is sent only for kinds that have one (the API refuses a username next
 * to a PAT), and an empty secret is left out so the stored one is kept.
 */
export function saveBody(values: ConnectionFormValues): SaveConnectionBody {
  const accountName = values.accountName.trim();
  return {
    kind: values.kind,
    baseUrl: values.baseUrl.trim(),
    ...(connectionKinds[values.kind].accountLabel !== null && accountName !== "" ? { accountName } : {}),
    ...(values.secret !== "" ? { secret: values.secret } : {}),
    projectKeys: normaliseProjectKeys(values.projectKeys),
    secretExpiresOn: values.secretExpiresOn,
  };
}

/**
 * The stored secret may be kept only for the same Jira, kind and account it was given for (the
 * server refuses anything else), so a changed site, kind or account asks for it again.
 */
export function keepsStoredSecret(connection: JiraConnection | null, values: ConnectionFormValues): boolean {
  if (connection === null) return false;
  const body = saveBody(values);
  return connection.kind === body.kind && connection.baseUrl === body.baseUrl.replace(/\/+$/, "") && connection.accountName === (body.accountName ?? null);
}
