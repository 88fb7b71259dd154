import type { ConnectionTestResult } from "../../../common/contracts/jira-connection.ts";
import { isJiraError, type ServerInfo, type JiraUser } from "../../../integrations/jira/client/index.ts";
import { explainJiraError, type JiraProblem } from "../../../integrations/jira/connection/explain.ts";
import { buildPermissionReport, globalPermissionKeys, projectPermissionKeys } from "../../../integrations/jira/connection/permission-report.ts";
import type { AppDeps } from "../../deps.ts";
import { type ConnectionRow, saveTestResult } from "../../models/jira-connections.ts";
import { jiraClientFor } from "./client-for.ts";

function deploymentProblem(kind: ConnectionRow["kind"], info: ServerInfo): JiraProblem | null {
  const isCloud = info.deploymentType === "Cloud";
  if (kind.startsWith("cloud") && !isCloud) {
    return { code: "deployment_mismatch", message: `This is Jira ${info.deploymentType ?? "Server"} ${info.version}, not Jira Cloud: choose a Data Center connection (Personal Access Token, or username and password).` };
  }
  if (kind.startsWith("datacenter") && isCloud) {
    return { code: "deployment_mismatch", message: "This is Jira Cloud: choose a Jira Cloud connection with the account email and an API token." };
  }
  return null;
}

export const EXPIRY_WARNING_DAYS = 14;

/** Jira's API does not say when a token expires; the date entered with it does. */
export function expiryProblem(expiresAt: Date | null, now: Date): JiraProblem | null {
  if (!expiresAt) return null;
  const days = Math.ceil((expiresAt.getTime() - now.getTime()) / 86_400_000);
  if (days <= 0) {
    return { code: "token_expired", message: `The token expired on ${expiresAt.toISOString().slice(0, 10)}. Create a new one and save it here; until then nothing syncs.` };
  }
  if (days <= EXPIRY_WARNING_DAYS) {
    return { code: "token_expiring", message: `The token expires in ${days} day${days === 1 ? "" : "s"} (${expiresAt.toISOString().slice(0, 10)}). Create a new one and save it here before then.` };
  }
  return null;
}

type ProjectReport = NonNullable<ConnectionTestResult["permissions"]>["projects"][number];

/** Names each missing permission as Jira's admin screens do ("Create Issues"), with its key for searching. */
export function missingPermissionsProblem(project: ProjectReport): JiraProblem {
  const names = project.missingRequired.map((key) => {
    const label = project.findings.find((f) => f.permission === key)?.label;
    return label ? `${label} (${key})` : key;
  });
  return {
    code: "missing_permissions",
    message: `In ${project.projectKey} the account lacks ${names.join(", ")}. See the permission report for what each one enables.`,
  };
}

/**
 * Projects Jira does not know (or the account cannot browse: Jira answers both with 404) are
 * marked `notFound`: reported once as "not found" rather than as every permission missing (their
 * findings stay, for the API); the connection is not ready.
 */
function markMissingProjects(report: NonNullable<ConnectionTestResult["permissions"]>, missing: ReadonlySet<string>) {
  if (missing.size === 0) return report;
  return { ...report, projects: report.projects.map((p) => (missing.has(p.projectKey) ? { ...p, notFound: true } : p)), ready: false };
}

async function probeOtherFlavour(deps: AppDeps, row: ConnectionRow): Promise<ServerInfo | null> {
  const kind = row.kind.startsWith("cloud") ? "datacenter_basic" : "cloud";
  try {
    return await jiraClientFor(deps, { ...row, kind, account_name: row.account_name ?? "probe" }, { maxAttempts: 1 }).serverInfo();
  } catch {
    return null;
  }
}

/**
 * Asks Jira who we are, what it is and what we may do, and keeps the answer on the connection
 * (permission checks are costly on Cloud, so the report is cached until the next test).
 * Jira failures become problems with advice; they never become a 500.
 */
export async function testConnection(deps: AppDeps, row: ConnectionRow): Promise<ConnectionTestResult> {
  const client = jiraClientFor(deps, row, { maxAttempts: 2 });
  const problems: JiraProblem[] = [];
  let serverInfo: ServerInfo | null = null;
  let account: JiraUser | null = null;
  let permissions: ConnectionTestResult["permissions"] = null;
  let reachable = false;
  const context = { baseUrl: row.base_url };
  const expiry = expiryProblem(row.token_expires_at, new Date());
  if (expiry) problems.push(expiry);
  try {
    serverInfo = await client.serverInfo();
    reachable = true;
    const mismatch = deploymentProblem(row.kind, serverInfo);
    if (mismatch) problems.push(mismatch);
    account = await client.myself();
    const checks = [...(await client.myPermissions([], globalPermissionKeys))];
    for (const projectKey of row.project_keys) {
      try {
        checks.push(...(await client.myPermissions([projectKey], projectPermissionKeys)));
      } catch (error) {
        // Jira answers 404 for a project the account cannot browse: then it holds none of them.
        if (!isJiraError(error) || error.code !== "NOT_FOUND") throw error;
      }
    }
    // An unknown project is one line, not a column of ✗ for permissions it cannot have.
    const missingProjects = new Set<string>();
    for (const projectKey of row.project_keys) {
      try {
        await client.getProject(projectKey);
      } catch (error) {
        if (!isJiraError(error) || error.code !== "NOT_FOUND") throw error;
        missingProjects.add(projectKey);
        problems.push({
          code: "project_not_found",
          message: `Project ${projectKey} not found: it does not exist, or ${account.displayName} cannot browse it. Check the key, or ask a Jira admin for “Browse Projects”.`,
        });
      }
    }
    permissions = markMissingProjects(buildPermissionReport(checks, row.project_keys, account.email ?? account.displayName), missingProjects);
    for (const project of permissions.projects) {
      if (project.missingRequired.length > 0 && !project.notFound) problems.push(missingPermissionsProblem(project));
    }
  } catch (error) {
    if (!isJiraError(error)) throw error;
    reachable = error.status !== null;
    // A Cloud client finds no REST v3 on Data Center (and the other way round): ask the other
    // flavour what this server is, so the advice names the right connection kind.
    const other = serverInfo === null && (error.code === "NOT_FOUND" || error.code === "BAD_RESPONSE") ? await probeOtherFlavour(deps, row) : null;
    const mismatch = other ? deploymentProblem(row.kind, other) : null;
    problems.push(mismatch ?? explainJiraError(error, context));
  }
  const result: ConnectionTestResult = {
    // An expiry warning is advice, not a failure: the connection works until that day.
    ok: reachable && problems.every((p) => p.code === "token_expiring") && permissions?.ready === true,
    reachable,
    checkedAt: new Date().toISOString(),
    serverInfo: serverInfo && { baseUrl: serverInfo.baseUrl, version: serverInfo.version, deploymentType: serverInfo.deploymentType, serverTitle: serverInfo.serverTitle },
    account: account && { id: account.id, displayName: account.displayName, email: account.email },
    tokenExpiresAt: row.token_expires_at ? row.token_expires_at.toISOString() : null,
    permissions,
    problems,
  };
  await saveTestResult(deps.db, row.id, {
    test: result,
    deploymentType: serverInfo?.deploymentType ?? null,
    serverVersion: serverInfo?.version ?? null,
    accountDisplayName: account?.displayName ?? null,
  });
  return result;
}
