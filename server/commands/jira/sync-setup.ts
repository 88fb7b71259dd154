import type { IntegrationFeatures } from "../../../common/contracts/jira-connection.ts";
import type { JiraMapping } from "../../../common/contracts/jira-mapping.ts";
import type { JiraClient } from "../../../integrations/jira/client/index.ts";
import type { SyncMetadata } from "../../../integrations/jira/sync/mapping-metadata.ts";
import type { AppDeps } from "../../http/types.ts";
import { type ConnectionRow, findConnection } from "../../models/jira-connections.ts";
import { findMapping } from "../../models/jira-mappings.ts";
import { loadFeatures } from "../../models/integration-features.ts";
import { jiraClientFor } from "./client-for.ts";
import { readJiraMetadata } from "../../models/jira-metadata.ts";

export type SyncSetup = {
  connection: ConnectionRow;
  mapping: JiraMapping;
  features: IntegrationFeatures;
  metadata: SyncMetadata;
  client: JiraClient;
};

export type SetupProblem = { code: string; message: string };

/** Everything a sync needs, read fresh (config is read under the link lock, never from a job payload). */
export async function loadSyncSetup(deps: AppDeps, workspaceId: string): Promise<SyncSetup | SetupProblem> {
  const connection = await findConnection(deps.db, workspaceId);
  if (!connection) return { code: "jira_not_connected", message: "This workspace has no Jira connection. An Admin or Moderator can connect Jira under Settings → Jira." };
  const stored = await findMapping(deps.db, workspaceId);
  if (!stored) return { code: "jira_mapping_missing", message: "No field mapping is saved yet. An Admin or Moderator can save one under Settings → Jira → Mapping." };
  const metadata = await readJiraMetadata(deps.db, connection.id);
  if (!metadata) return { code: "jira_metadata_missing", message: "Jira metadata was never loaded. Use “Refresh metadata” under Settings → Jira." };
  const features = await loadFeatures(deps.db, workspaceId);
  return { connection, mapping: stored.mapping, features, metadata, client: jiraClientFor(deps, connection) };
}

export const isSetupProblem = (value: SyncSetup | SetupProblem): value is SetupProblem => "code" in value;
