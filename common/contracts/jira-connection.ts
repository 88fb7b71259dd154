import { z } from "zod";
import { JiraMetadata } from "./jira-metadata.ts";
import { safeDate, safeText, safeUrl } from "./safe-text.ts";

export const ConnectionKind = z.enum(["cloud", "cloud_scoped", "datacenter_pat", "datacenter_basic"]);
export type ConnectionKind = z.infer<typeof ConnectionKind>;

export const ProjectKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,19}$/, { error: "must be a Jira project key like TETH" });

/**
 * Create or replace the workspace's connection. `secret` is the API token (Cloud), the Personal
 * Access Token (Data Center) or the password (Data Center basic); omit it on an update to keep the
 * stored one. `accountName` is the account email (Cloud) or username (Data Center basic).
 */
export const SaveConnectionBody = z.strictObject({
  kind: ConnectionKind,
  baseUrl: safeUrl("must be an http(s) URL like https://your-site.atlassian.net").max(500),
  accountName: safeText().trim().min(1).max(254).optional(),
  secret: safeText().min(1).max(2000).optional(),
  projectKeys: z.array(ProjectKey).min(1).max(20),
  /**
   * When the token expires, as shown where it was created (Jira's REST API does not tell). Tether
   * warns before that date. null clears it; omitted keeps the stored one unless `secret` changes.
   */
  secretExpiresOn: safeDate().nullable().optional(),
});
export type SaveConnectionBody = z.infer<typeof SaveConnectionBody>;

export const PermissionFinding = z.object({
  permission: z.string(),
  label: z.string(),
  need: z.enum(["required", "optional", "admin"]),
  granted: z.boolean(),
  explanation: z.string().nullable(),
});

export const PermissionReport = z.object({
  projects: z.array(
    z.object({
      projectKey: z.string(),
      findings: z.array(PermissionFinding),
      missingRequired: z.array(z.string()),
      /** Jira does not know the project, or the account cannot browse it: shown as one line, not as every permission missing. */
      notFound: z.boolean().optional(),
    }),
  ),
  administer: PermissionFinding,
  ready: z.boolean(),
});
export type PermissionReport = z.infer<typeof PermissionReport>;

export const ConnectionProblem = z.object({ code: z.string(), message: z.string() });

export const ConnectionTestResult = z.object({
  ok: z.boolean(),
  reachable: z.boolean(),
  checkedAt: z.iso.datetime(),
  serverInfo: z.object({ baseUrl: z.string(), version: z.string(), deploymentType: z.string().nullable(), serverTitle: z.string().nullable() }).nullable(),
  account: z.object({ id: z.string(), displayName: z.string(), email: z.string().nullable() }).nullable(),
  tokenExpiresAt: z.iso.datetime().nullable(),
  permissions: PermissionReport.nullable(),
  /** What is wrong, each with what to do about it. Empty when ok. */
  problems: z.array(ConnectionProblem),
});
export type ConnectionTestResult = z.infer<typeof ConnectionTestResult>;

/** A connection as the API shows it: never the secret, only that it is set. */
export const JiraConnection = z.object({
  id: z.uuid(),
  kind: ConnectionKind,
  baseUrl: z.string(),
  accountName: safeText().nullable(),
  secret: z.object({ set: z.literal(true), lastFour: z.string(), setAt: z.iso.datetime(), expiresOn: z.iso.date().nullable() }),
  projectKeys: z.array(z.string()),
  deploymentType: z.string().nullable(),
  serverVersion: z.string().nullable(),
  accountDisplayName: z.string().nullable(),
  lastTest: ConnectionTestResult.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type JiraConnection = z.infer<typeof JiraConnection>;

export const ConnectionResponse = z.object({ connection: JiraConnection.nullable() });
export const TestResponse = z.object({ test: ConnectionTestResult });

/** The cached metadata; null until first pulled (or after the connection moved to another site). */
export const MetadataResponse = z.object({
  fetchedAt: z.iso.datetime().nullable(),
  metadata: JiraMetadata.nullable(),
});

/** The integration's features, each switched on separately (BRIEF D). */
export const IntegrationFeatures = z.object({ toJira: z.boolean(), fromJira: z.boolean(), issueListing: z.boolean(), planning: z.boolean() });
export type IntegrationFeatures = z.infer<typeof IntegrationFeatures>;
export const FeaturesResponse = z.object({ features: IntegrationFeatures });
export const UpdateFeaturesBody = z.strictObject({
  toJira: z.boolean().optional(),
  fromJira: z.boolean().optional(),
  issueListing: z.boolean().optional(),
  planning: z.boolean().optional(),
});
