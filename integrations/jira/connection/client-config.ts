import type { JiraConnectionConfig } from "../client/types.ts";

export type StoredConnection = {
  kind: "cloud" | "cloud_scoped" | "datacenter_pat" | "datacenter_basic";
  baseUrl: string;
  accountName: string | null;
  cloudId: string | null;
};

export class ConnectionConfigError extends Error {}

/** A saved connection plus its decrypted secret → what the Jira client needs. */
export function toClientConfig(connection: StoredConnection, secret: string, options: { gatewayUrl: string }): JiraConnectionConfig {
  const account = () => {
    if (!connection.accountName) throw new ConnectionConfigError("This connection kind needs an account email or username.");
    return connection.accountName;
  };
  switch (connection.kind) {
    case "cloud":
      return { flavor: "cloud", siteUrl: connection.baseUrl, auth: { kind: "basic", email: account(), apiToken: secret } };
    case "cloud_scoped":
      return {
        flavor: "cloud",
        siteUrl: connection.baseUrl,
        auth: { kind: "scoped-token", email: account(), apiToken: secret },
        gatewayUrl: options.gatewayUrl,
        ...(connection.cloudId ? { cloudId: connection.cloudId } : {}),
      };
    case "datacenter_pat":
      return { flavor: "datacenter", baseUrl: connection.baseUrl, auth: { kind: "pat", token: secret } };
    case "datacenter_basic":
      return { flavor: "datacenter", baseUrl: connection.baseUrl, auth: { kind: "basic", username: account(), password: secret } };
  }
}

/** Checks that need no network: a PAT against Atlassian's cloud, a Cloud kind without an email. */
export function connectionShapeProblems(connection: StoredConnection & { secretGiven: boolean }): string[] {
  const problems: string[] = [];
  const host = new URL(connection.baseUrl).hostname;
  const isAtlassianCloud = host.endsWith(".atlassian.net") || host.endsWith(".jira.com");
  if (isAtlassianCloud && connection.kind.startsWith("datacenter")) {
    problems.push(`${host} is a Jira Cloud site: choose Jira Cloud and use the account email with an API token, not a Data Center token or password.`);
  }
  if (connection.kind !== "datacenter_pat" && !connection.accountName) {
    problems.push(connection.kind.startsWith("cloud") ? "Jira Cloud needs the account's email address." : "Basic authentication needs the username.");
  }
  if (connection.kind === "datacenter_pat" && connection.accountName) {
    problems.push("A Personal Access Token identifies the account by itself: leave the username empty.");
  }
  if (!connection.secretGiven) problems.push("Give the API token, Personal Access Token or password.");
  return problems;
}
