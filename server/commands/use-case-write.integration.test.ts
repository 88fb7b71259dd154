import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/app.ts";
import { createUseCase, type RoleFixture, setUpRoles, useCaseHistory } from "../routes/api/use-cases/test-fixtures.ts";
import { type UseCaseChangedEvent, onUseCaseChanged } from "./use-case-events.ts";
import { applyUseCaseChanges, lockUseCase } from "./use-case-write.ts";

describe("the one write path for use cases", () => {
  let app: TestApp;
  let f: RoleFixture;
  beforeAll(async () => {
    app = await createTestApp();
    f = await setUpRoles(app, "write");
  });
  afterAll(async () => app.close());

  it("applies a Jira change without a version precondition, shows 'Jira · <name>' in history and tells subscribers in the transaction", async () => {
    const useCase = await createUseCase(f.admin, f.base, { title: "From Jira" });
    const seen: UseCaseChangedEvent[] = [];
    const unsubscribe = onUseCaseChanged(async (trx, event) => {
      // Runs inside the writer's transaction: it sees the uncommitted new version.
      const row = await trx.selectFrom("use_cases").select("version").where("id", "=", event.useCaseId).executeTakeFirstOrThrow();
      expect(row.version).toBe(2);
      seen.push(event);
    });
    try {
      const result = await app.deps.db.transaction().execute(async (trx) => {
        await lockUseCase(trx, f.workspaceId, useCase.id);
        return applyUseCaseChanges(trx, {
          workspaceId: f.workspaceId,
          useCaseId: useCase.id,
          actor: { source: "jira", displayName: "Ada Lovelace", jiraAccountId: "5b10ac8d82e05b22cc7d4ef5" },
          patch: { title: "Renamed in Jira", priority: "medium" },
        });
      });
      expect(result.useCase).toMatchObject({ title: "Renamed in Jira", version: 2 });
      expect(result.changes).toEqual([{ field: "title", oldValue: "From Jira", newValue: "Renamed in Jira" }]);
      expect(seen).toEqual([{ workspaceId: f.workspaceId, useCaseId: useCase.id, source: "jira", changes: result.changes }]);
    } finally {
      unsubscribe();
    }
    const [latest] = await useCaseHistory(f, useCase.id);
    expect(latest).toMatchObject({ field: "title", source: "jira", actor: null, actorLabel: "Jira · Ada Lovelace" });
    const stored = await app.deps.db.selectFrom("use_case_history").select("actor_jira_account_id").where("use_case_id", "=", useCase.id).where("source", "=", "jira").executeTakeFirstOrThrow();
    expect(stored.actor_jira_account_id).toBe("5b10ac8d82e05b22cc7d4ef5");
  });

  it("user edits through the API reach subscribers with source 'user'; a no-op change reaches nobody", async () => {
    const useCase = await createUseCase(f.admin, f.base, { title: "Edited" });
    const seen: UseCaseChangedEvent[] = [];
    const unsubscribe = onUseCaseChanged(async (_trx, event) => {
      seen.push(event);
    });
    try {
      expect((await f.admin.client.patch(`${f.base}/${useCase.id}`, { version: 1, title: "Edited" })).status).toBe(200);
      expect(seen).toEqual([]);
      expect((await f.admin.client.patch(`${f.base}/${useCase.id}`, { version: 1, tags: ["x"] })).status).toBe(200);
      expect(seen).toEqual([expect.objectContaining({ useCaseId: useCase.id, source: "user" })]);
    } finally {
      unsubscribe();
    }
    const [latest] = await useCaseHistory(f, useCase.id);
    expect(latest).toMatchObject({ field: "tags", source: "user", actorLabel: f.admin.displayName });
  });

  it("a subscriber that fails rolls the change back", async () => {
    const useCase = await createUseCase(f.admin, f.base, { title: "Kept" });
    const unsubscribe = onUseCaseChanged(async () => {
      throw new Error("push scheduling failed");
    });
    try {
      const response = await f.admin.client.patch(`${f.base}/${useCase.id}`, { version: 1, title: "Lost" });
      expect(response.status).toBe(500);
    } finally {
      unsubscribe();
    }
    const now = await f.admin.client.get<{ useCase: { title: string; version: number } }>(`${f.base}/${useCase.id}`);
    expect(now.body.useCase).toMatchObject({ title: "Kept", version: 1 });
  });

  it("system changes are labelled with the process, and invalid references are refused for every source", async () => {
    const useCase = await createUseCase(f.admin, f.base, { title: "System" });
    await app.deps.db.transaction().execute(async (trx) => {
      await lockUseCase(trx, f.workspaceId, useCase.id);
      await applyUseCaseChanges(trx, { workspaceId: f.workspaceId, useCaseId: useCase.id, actor: { source: "system", label: "Tether" }, patch: { storyPoints: 5 } });
    });
    const [latest] = await useCaseHistory(f, useCase.id);
    expect(latest).toMatchObject({ field: "storyPoints", source: "system", actorLabel: "Tether" });
    await expect(
      app.deps.db.transaction().execute(async (trx) => {
        await lockUseCase(trx, f.workspaceId, useCase.id);
        await applyUseCaseChanges(trx, {
          workspaceId: f.workspaceId,
          useCaseId: useCase.id,
          actor: { source: "jira", displayName: "Bob", jiraAccountId: null },
          patch: { assigneeId: f.outsider.id },
        });
      }),
    ).rejects.toMatchObject({ code: "validation_failed" });
  });
});
