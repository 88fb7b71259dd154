import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role, Visibility } from "../db/schema.ts";
import { findFirstStatus, insertUseCase, replaceUseCaseMembers, takeUseCaseNumber } from "../models/use-cases.ts";
import { insertMembership } from "../models/workspaces.ts";
import { createTestApp, type TestApp } from "../testing/app.ts";
import { signUpUser, type TestUser } from "../testing/client.ts";
import { useCaseVisibleSql } from "./use-case-sql.ts";
import { type UseCaseAccessFacts, useCaseVisible } from "./use-cases.ts";

const roles: Role[] = ["admin", "moderator", "member", "visitor"];
const visibilities: Visibility[] = ["public", "assigned"];
type Person = "viewer" | "other" | null;
const assignees: Person[] = [null, "viewer", "other"];
const memberSets: Person[][] = [[], ["viewer"], ["other"], ["viewer", "other"]];

describe("the use-case visibility rule: SQL and pure function agree", () => {
  let app: TestApp;
  let viewer: TestUser;
  let other: TestUser;
  let workspaceId: string;
  const cases: { id: string; facts: UseCaseAccessFacts; label: string }[] = [];

  beforeAll(async () => {
    app = await createTestApp();
    [viewer, other] = [await signUpUser(app, "sql-viewer"), await signUpUser(app, "sql-other")];
    workspaceId = (await other.client.post<{ workspace: { id: string } }>("/workspaces", { name: "SQL" })).body.workspace.id;
    await insertMembership(app.deps.db, workspaceId, viewer.id, "member");
    const status = await findFirstStatus(app.deps.db, workspaceId);
    const idOf = (p: Person) => (p === "viewer" ? viewer.id : p === "other" ? other.id : null);
    for (const visibility of visibilities) {
      for (const assignee of assignees) {
        for (const members of memberSets) {
          const number = await takeUseCaseNumber(app.deps.db, workspaceId);
          const id = await insertUseCase(app.deps.db, {
            workspace_id: workspaceId,
            number,
            title: `${visibility} ${assignee} ${members.join("+")}`,
            status_id: status?.id ?? "",
            assignee_id: idOf(assignee),
            visibility,
            created_by: other.id,
          });
          const memberIds = members.map(idOf).filter((m): m is string => m !== null);
          await replaceUseCaseMembers(app.deps.db, id, memberIds);
          cases.push({ id, facts: { visibility, assigneeId: idOf(assignee), memberIds }, label: `${visibility}/assignee=${assignee}/members=${members.join("+")}` });
        }
      }
    }
  });
  afterAll(async () => app.close());

  it.each(roles)("for a %s, every combination of visibility, assignee and members", async (role) => {
    const rows = await app.deps.db
      .selectFrom("use_cases")
      .select("use_cases.id")
      .where("use_cases.workspace_id", "=", workspaceId)
      .where(useCaseVisibleSql(role, viewer.id))
      .execute();
    const bySql = new Set(rows.map((r) => r.id));
    const disagreements = cases
      .filter((c) => bySql.has(c.id) !== useCaseVisible(role, viewer.id, c.facts))
      .map((c) => `${c.label}: sql=${bySql.has(c.id)}`);
    expect(disagreements).toEqual([]);
    // The combinations really discriminate: not everything visible, except for those who see all.
    expect(bySql.size).toBe(role === "admin" || role === "moderator" ? cases.length : cases.filter((c) => useCaseVisible(role, viewer.id, c.facts)).length);
    if (role === "visitor") expect(bySql.size).toBe(cases.length / 2);
    if (role === "member") expect(bySql.size).toBeGreaterThan(cases.length / 2);
  });
});
