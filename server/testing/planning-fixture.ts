import { expect } from "vitest";
import { eventually, type SyncFixture } from "./jira-sync-fixture.ts";

/**
 * Planning tests' common start: Planning switched on, and a use case linked to a new Epic in
 * TETH (created by Tether, so the key is read once the create has run).
 */
export async function planningEpic(f: SyncFixture, useCase: { title: string; assigneeId?: string }): Promise<{ useCaseId: string; epicKey: string }> {
  expect((await f.admin.client.patch(`${f.jiraBase}/features`, { planning: true })).status).toBe(200);
  const created = await f.createUseCase({ ...useCase, visibility: "public" });
  const linked = await f.link(created.id, { create: true });
  expect(linked.status, JSON.stringify(linked.body)).toBe(201);
  const epicKey = await eventually(async () => {
    const row = await f.app.deps.db.selectFrom("jira_links").select("issue_key").where("use_case_id", "=", created.id).executeTakeFirstOrThrow();
    expect(row.issue_key).toBeTruthy();
    return row.issue_key ?? "";
  }, 15_000);
  return { useCaseId: created.id, epicKey };
}

/** The Jira fields of a Story in TETH under the Epic (Cloud `parent`, Data Center Epic Link), plus `extra`. */
export function storyUnder(f: SyncFixture, flavor: "cloud" | "datacenter", epicKey: string, summary: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const ids = f.sim.control.store.catalog.customFieldIds;
  const parent = flavor === "cloud" ? { parent: { key: epicKey } } : { [ids.epicLink ?? ""]: epicKey };
  return { project: { key: "TETH" }, issuetype: { name: "Story" }, summary, ...parent, ...extra };
}

/** The simulator's Scrum board of TETH. */
export function tethBoardId(f: SyncFixture): number {
  const teth = f.sim.control.store.projectByIdOrKey("TETH");
  return [...f.sim.control.store.boards.values()].find((candidate) => candidate.projectId === teth?.id)?.id ?? 0;
}
