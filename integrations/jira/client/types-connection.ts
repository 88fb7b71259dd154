/** How Tether reaches a Jira: the flavour and its authentication. */

export type JiraFlavor = "cloud" | "datacenter";

/** Cloud: site URL + account email + API token. Scoped tokens must go through the API gateway. */
export type CloudAuth =
  | { kind: "basic"; email: string; apiToken: string }
  | { kind: "scoped-token"; email: string; apiToken: string };

/** Data Center: Personal Access Token (Bearer), or username + password on servers that allow it. */
export type DataCenterAuth =
  | { kind: "pat"; token: string }
  | { kind: "basic"; username: string; password: string };

export type JiraConnectionConfig =
  | {
      flavor: "cloud";
      /** `https://your-site.atlassian.net` */
      siteUrl: string;
      auth: CloudAuth;
      /** Scoped tokens only: where the `/ex/jira/{cloudId}` gateway lives (tests point it at the simulator). */
      gatewayUrl?: string;
      /** Scoped tokens only: skips the `_edge/tenant_info` lookup when already known. */
      cloudId?: string;
    }
  | {
      flavor: "datacenter";
      /** `https://jira.example.com` or `https://example.com/jira` */
      baseUrl: string;
      auth: DataCenterAuth;
      /** Major version; read from serverInfo when absent (decides the webhook API). */
      majorVersion?: number;
    };
