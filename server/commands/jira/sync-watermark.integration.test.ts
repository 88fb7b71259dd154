import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UseCase } from "../../../common/contracts/use-cases.ts";
import { setUpSync, type SyncFixture } from "../../testing/jira-sync-fixture.ts";
import { findLink } from "../../models/jira-links.ts";
import { STALE_READ_CODE, syncLink } from "./sync-link.ts";

/**
 * SYNC-PITFALLS 4 and 15: every run that reads the issue records Jira's `updated` as seen —
 * also when it carries nothing, skips a value, cannot match a user or parks a conflict — and a
 * read older than that is never applied, however often it comes and whatever failed before.
 * No worker: each run is explicit. Jira "answering from an older copy" is the simulator's issue
 * put back to an earlier summary and `updated`, without a webhook or changelog.
 */
describe("the watermark: Jira's `updated` is recorded on every path, and older reads never roll back", () => {
  let f: SyncFixture;
  beforeAll(async () => {
    f = await setUpSync("cloud", { worker: false, prefix: "watermark" });
    // A Jira user whose email is hidden (no member can be matched to them) and who may be assigned.
    f.sim.control.addUser({ name: "hidden", displayName: "Hidden Hannah", emailVisible: false }, { TETH: ["BROWSE_PROJECTS", "ASSIGNABLE_USER"] });
  });
  afterAll(async () => f?.close());

  const title = async (useCaseId: string) => (await f.admin.client.get<{ useCase: UseCase }>(`${f.base}/${useCaseId}`)).body.useCase.title;
  const link = async (linkId: string) => (await findLink(f.app.deps.db, linkId))!;

  async function linked(name: string) {
    const useCase = await f.createUseCase({ title: name });
    const response = await f.link(useCase.id, { create: true });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return { useCase, linkId: response.body.link.id, key: response.body.link.issueKey! };
  }

  /** Runs the sync and checks it recorded the issue's current `updated` as seen. */
  async function runAndExpectWatermark(linkId: string, key: string, outcome: "ok" | "blocked") {
    expect((await syncLink(f.app.deps, linkId, "webhook")).outcome).toBe(outcome);
    expect((await link(linkId)).jira_updated_at?.getTime(), "Jira's `updated` recorded as seen").toBe(f.sim.control.issue(key).updated);
  }

  /** Jira answers from an older copy: the summary it had before, with an `updated` before the last one seen. */
  async function expectOlderCopyIgnored(useCaseId: string, linkId: string, key: string, staleSummary: string) {
    const current = await title(useCaseId);
    const issue = f.sim.control.issue(key);
    issue.summary = staleSummary;
    issue.updated -= 60_000;
    expect((await syncLink(f.app.deps, linkId, "webhook")).outcome).toBe("waiting");
    expect(await title(useCaseId), "the older read is not applied").toBe(current);
    expect(await link(linkId)).toMatchObject({ state: "retrying", state_code: STALE_READ_CODE });
  }

  it("when nothing mapped changed (a comment moved `updated`)", async () => {
    const { useCase, linkId, key } = await linked("Quiet epic");
    f.sim.control.editIssue("cara", key, { fields: { summary: "Quiet epic, renamed" } });
    expect((await syncLink(f.app.deps, linkId, "webhook")).outcome).toBe("ok");
    f.sim.control.addComment("cara", key, "Only a comment");
    await runAndExpectWatermark(linkId, key, "ok");
    await expectOlderCopyIgnored(useCase.id, linkId, key, "Quiet epic");
  });

  it("when the value coming from Jira is one Tether cannot hold (skipped with a reason)", async () => {
    const { useCase, linkId, key } = await linked("Huge epic");
    const storyPoints = f.mapping.fields.find((entry) => entry.tetherField === "storyPoints")!.jiraField;
    f.sim.control.editIssue("cara", key, { fields: { summary: "Huge epic, renamed", [storyPoints]: 5000 } });
    await runAndExpectWatermark(linkId, key, "ok");
    expect(await title(useCase.id)).toBe("Huge epic, renamed");
    await expectOlderCopyIgnored(useCase.id, linkId, key, "Huge epic");
  });

  it("when the assignee set in Jira matches no member (email hidden)", async () => {
    const { useCase, linkId, key } = await linked("Unassignable epic");
    const hidden = f.sim.control.user("hidden");
    f.sim.control.editIssue("cara", key, { fields: { summary: "Unassignable epic, renamed", assignee: { accountId: hidden.accountId } } });
    await runAndExpectWatermark(linkId, key, "ok");
    await expectOlderCopyIgnored(useCase.id, linkId, key, "Unassignable epic");
  });

  it("when a stale read comes after failures left attempts behind, and again and again", async () => {
    const { useCase, linkId, key } = await linked("Outage epic");
    f.sim.control.editIssue("cara", key, { fields: { summary: "Outage epic, renamed" } });
    await runAndExpectWatermark(linkId, key, "ok");
    // Six runs refused with 429 (a wait longer than the client sleeps through): attempts pile up.
    f.sim.control.setFaults({ rateLimitRate: 1, retryAfterSeconds: 120 });
    try {
      for (let run = 0; run < 6; run += 1) expect((await syncLink(f.app.deps, linkId, "manual")).outcome).toBe("retrying");
    } finally {
      f.sim.control.setFaults({ rateLimitRate: 0, retryAfterSeconds: 5 });
      // Jira's Retry-After has passed (the test does not wait two minutes): the site's budget is free again.
      await sql`DELETE FROM jira_rate_limit`.execute(f.app.deps.db);
    }
    expect((await link(linkId)).attempts).toBe(6);
    await expectOlderCopyIgnored(useCase.id, linkId, key, "Outage epic");
    // However often Jira keeps answering from the older copy, nothing is rolled back; it says so.
    for (let run = 0; run < 6; run += 1) expect((await syncLink(f.app.deps, linkId, "manual")).outcome).toBe("waiting");
    expect(await title(useCase.id)).toBe("Outage epic, renamed");
    const entries = await f.app.deps.db.selectFrom("jira_sync_log").selectAll().where("link_id", "=", linkId).where("error_code", "=", STALE_READ_CODE).execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.message).toContain("older version");
    // Once Jira answers with its newest state again, the run goes on as usual.
    f.sim.control.editIssue("cara", key, { fields: { summary: "Outage epic, fresh" } });
    await runAndExpectWatermark(linkId, key, "ok");
    expect(await title(useCase.id)).toBe("Outage epic, fresh");
    expect(await link(linkId)).toMatchObject({ state: "ok", state_code: null, attempts: 0 });
  });

  it("when a conflict is parked for a person (“ask”)", async () => {
    const saved = await f.admin.client.put(`${f.jiraBase}/mapping`, { ...f.mapping, conflictPolicy: "ask" });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const { useCase, linkId, key } = await linked("Disputed epic");
    const current = await f.admin.client.get<{ useCase: UseCase }>(`${f.base}/${useCase.id}`);
    expect((await f.admin.client.patch(`${f.base}/${useCase.id}`, { title: "Disputed epic (Tether)", version: current.body.useCase.version })).status).toBe(200);
    f.sim.control.editIssue("cara", key, { fields: { summary: "Disputed epic (Jira)" } });
    await runAndExpectWatermark(linkId, key, "blocked");
    expect(await link(linkId)).toMatchObject({ state: "blocked", state_code: "sync_conflict" });
    await expectOlderCopyIgnored(useCase.id, linkId, key, "Disputed epic");
  });
});
