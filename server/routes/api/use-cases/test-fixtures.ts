import { expect } from "vitest";
import type { UseCase } from "../../../../common/contracts/use-cases.ts";
import type { Role } from "../../../db/schema.ts";
import { insertMembership } from "../../../models/workspaces.ts";
import type { TestApp } from "../../../testing/app.ts";
import { signUpUser, type TestUser } from "../../../testing/client.ts";

export type UseCaseBody = { useCase: UseCase };
export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

/** A workspace with one user per role, plus an outsider who is Admin of another workspace. */
export type RoleFixture = {
  workspaceId: string;
  otherWorkspaceId: string;
  admin: TestUser;
  moderator: TestUser;
  member: TestUser;
  otherMember: TestUser;
  visitor: TestUser;
  outsider: TestUser;
  base: string;
};

export async function setUpRoles(app: TestApp, prefix: string): Promise<RoleFixture> {
  const [admin, moderator, member, otherMember, visitor, outsider] = await Promise.all(
    ["admin", "moderator", "member", "other-member", "visitor", "outsider"].map((name) => signUpUser(app, `${prefix}-${name}`)),
  ) as [TestUser, TestUser, TestUser, TestUser, TestUser, TestUser];
  const created = await admin.client.post<{ workspace: { id: string } }>("/workspaces", { name: `${prefix} portfolio` });
  expect(created.status).toBe(201);
  const other = await outsider.client.post<{ workspace: { id: string } }>("/workspaces", { name: `${prefix} elsewhere` });
  const workspaceId = created.body.workspace.id;
  const roles: [TestUser, Role][] = [
    [moderator, "moderator"],
    [member, "member"],
    [otherMember, "member"],
    [visitor, "visitor"],
  ];
  for (const [user, role] of roles) await insertMembership(app.deps.db, workspaceId, user.id, role);
  return {
    workspaceId,
    otherWorkspaceId: other.body.workspace.id,
    admin,
    moderator,
    member,
    otherMember,
    visitor,
    outsider,
    base: `/workspaces/${workspaceId}/use-cases`,
  };
}

export async function createUseCase(user: TestUser, base: string, body: Record<string, unknown>): Promise<UseCase> {
  const response = await user.client.post<UseCaseBody>(base, body);
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.useCase;
}

export type HistoryRow = { field: string; oldValue: unknown; newValue: unknown; actor: unknown; source: string };

/** The workspace's workflow, as an Admin reads it. */
export async function workspaceStatuses(f: RoleFixture): Promise<{ id: string; name: string }[]> {
  return (await f.admin.client.get<{ statuses: { id: string; name: string }[] }>(`/workspaces/${f.workspaceId}/statuses`)).body.statuses;
}

/** A use case's history, newest first, as an Admin reads it. */
export async function useCaseHistory(f: RoleFixture, useCaseId: string): Promise<HistoryRow[]> {
  return (await f.admin.client.get<{ history: HistoryRow[] }>(`${f.base}/${useCaseId}/history`)).body.history;
}
