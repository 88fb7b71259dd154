import { z } from "zod";
import { toStatus } from "./mappers.ts";
import * as s from "./schemas.ts";
import type { JiraHttp } from "./http.ts";
import type * as t from "./types.ts";

/** Site-level reads shared by both flavours under `api`: server info, permissions, statuses. */
export async function serverInfo(http: JiraHttp, api: string): Promise<t.ServerInfo> {
  const info = await http.request({ method: "GET", path: `${api}/serverInfo`, schema: s.serverInfoSchema });
  return {
    baseUrl: info.baseUrl,
    version: info.version,
    versionNumbers: info.versionNumbers ?? info.version.split(".").map(Number).filter(Number.isFinite),
    deploymentType: info.deploymentType,
    serverTitle: info.serverTitle,
    serverTime: info.serverTime,
  };
}

/** One `mypermissions` call per project (or one site-wide call when no project is named). */
export async function myPermissions(http: JiraHttp, api: string, projectKeys: string[], permissions: string[]): Promise<t.PermissionCheck[]> {
  const scopes: Array<string | null> = projectKeys.length > 0 ? projectKeys : [null];
  const checks: t.PermissionCheck[] = [];
  for (const projectKey of scopes) {
    const answer = await http.request({ method: "GET", path: `${api}/mypermissions`, query: { projectKey, permissions }, schema: s.permissionsSchema });
    for (const permission of permissions) checks.push({ projectKey, permission, granted: answer.permissions[permission]?.havePermission ?? false });
  }
  return checks;
}

export async function statuses(http: JiraHttp, api: string): Promise<t.JiraStatus[]> {
  return (await http.request({ method: "GET", path: `${api}/status`, schema: z.array(s.statusSchema) })).map(toStatus);
}

/** Each issue type of the project with the statuses its workflow uses. */
export async function projectStatuses(http: JiraHttp, api: string, projectKey: string): Promise<t.ProjectIssueTypeStatuses[]> {
  const types = await http.request({ method: "GET", path: `${api}/project/${encodeURIComponent(projectKey)}/statuses`, schema: s.projectStatusesSchema });
  return types.map((type) => ({ issueTypeId: type.id, issueTypeName: type.name, statuses: type.statuses.map(toStatus) }));
}
