import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebhookView } from "../../../common/contracts/jira-webhook.ts";
import type { UseCase } from "../../../common/contracts/use-cases.ts";
import { signBody } from "../../../integrations/jira/webhooks/signature.ts";
import { eventually, setUpSync, type SyncFixture } from "../../testing/jira-sync-fixture.ts";
import { findLink } from "../../models/jira-links.ts";
import { authFor, json, SimClient } from "../../../sim/jira/testing/sim-client.ts";
import { reconcileWorkspace } from "./reconcile.ts";
import { syncLink } from "./sync-link.ts";

/**
 * SYNC-PITFALLS 15 on Jira Cloud, whose search index lags (here by ten minutes): a webhook for an
 * issue that search cannot find yet is still carried (the run reads the issue itself), nothing is
 * taken as deleted because search misses it, and an older delivery arriving late changes nothing.
 * Deliveries are signed and posted to Tether's hook as Jira Cloud would (a loopback URL cannot be
 * registered with Cloud); the worker carries them.
 */
describe("right after a webhook, while Jira's search lags", () => {
  let f: SyncFixture;
  let hook: { path: string; secret: string };
  let jira: SimClient;
  beforeAll(async () => {
    f = await setUpSync("cloud", { prefix: "search-lag" });
    f.app.deps.env.PUBLIC_URL = "https://tether.example.com";
    f.sim.control.setSiteAdmin("ada", false);
    const view = await f.admin.client.post<WebhookView>(`${f.jiraBase}/webhook/register`);
    expect(view.body.state).toBe("manual");
    const secret = (await f.admin.client.post<{ secret: string }>(`${f.jiraBase}/webhook/secret`)).body.secret;
    hook = { path: new URL(view.body.url ?? "").pathname, secret };
    f.sim.control.setFaults({ searchIndexLagMs: 600_000 });
    jira = new SimClient(f.sim, authFor(f.sim, "ada"));
  }, 60_000);
  afterAll(async () => {
    f?.sim.control.setFaults({ searchIndexLagMs: 0 });
    await f?.close();
  });

  const title = async (id: string) => (await f.admin.client.get<{ useCase: UseCase }>(`${f.base}/${id}`)).body.useCase.title;

  /** Posts a signed delivery and waits until Tether has handled it. */
  async function deliver(event: string, issue: { id: string; key: string }, summary: string, timestamp = Date.now()) {
    const identifier = randomUUID();
    const body = JSON.stringify({ webhookEvent: event, timestamp, issue: { id: issue.id, key: issue.key, fields: { summary } } });
    const answer = await f.app.request(hook.path, { method: "POST", headers: { "content-type": "application/json", "x-hub-signature": signBody(hook.secret, body), "x-atlassian-webhook-identifier": identifier }, body });
    expect(answer.status).toBe(202);
    return eventually(async () => {
      const row = await f.app.deps.db.selectFrom("jira_webhook_deliveries").selectAll().where("identifier", "=", identifier).executeTakeFirstOrThrow();
      expect(row.status).not.toBe("received");
      return row;
    });
  }

  it("carries issue_created and issue_updated for an Epic search cannot find, and reconciliation breaks nothing", async () => {
    const useCase = await f.createUseCase({ title: "Freshly made" });
    const linked = await f.link(useCase.id, { create: true });
    expect(linked.status, JSON.stringify(linked.body)).toBe(201);
    const issue = { id: linked.body.link.issueId!, key: linked.body.link.issueKey! };
    const searchable = async () => {
      const page = json<{ issues: Array<{ key: string }> }>(await jira.post("/rest/api/3/search/jql", { jql: `project = ${f.projectKey} ORDER BY created DESC`, fields: ["summary"] }));
      return page.issues.some((found) => found.key === issue.key);
    };
    expect(await searchable(), "search does not see the new Epic yet").toBe(false);

    expect((await deliver("jira:issue_created", issue, "Freshly made")).status).not.toBe("broken");
    f.sim.control.editIssue("cara", issue.key, { fields: { summary: "Renamed while unsearchable" } });
    expect((await deliver("jira:issue_updated", issue, "Renamed while unsearchable")).status).toBe("synced");
    // The run has ended once it recorded Jira's `updated` as seen (in one transaction with its state).
    await eventually(async () => expect((await findLink(f.app.deps.db, linked.body.link.id))?.jira_updated_at?.getTime()).toBe(f.sim.control.issue(issue.key).updated));
    expect(await title(useCase.id)).toBe("Renamed while unsearchable");

    const run = await reconcileWorkspace(f.app.deps, f.workspaceId);
    expect(run.outcome).toBe("ok");
    expect(await searchable(), "nor after the edit").toBe(false);
    expect(await findLink(f.app.deps.db, linked.body.link.id)).toMatchObject({ state: "ok", issue_key: issue.key, state_code: null });

    // The issue_created delivery again, late (Jira retries): it names the old summary; the run reads Jira's current one.
    const before = (await findLink(f.app.deps.db, linked.body.link.id))!.last_synced_at!.getTime();
    expect((await deliver("jira:issue_created", issue, "Freshly made", Date.now() - 60_000)).status).toBe("synced");
    await eventually(async () => expect((await findLink(f.app.deps.db, linked.body.link.id))?.last_synced_at?.getTime()).toBeGreaterThan(before));
    expect(await findLink(f.app.deps.db, linked.body.link.id)).toMatchObject({ state: "ok" });
    expect(await title(useCase.id)).toBe("Renamed while unsearchable");
  });

  it("keeps an Epic deleted in Jira while a run is in flight flagged as deleted (the late run does not overwrite it)", async () => {
    const useCase = await f.createUseCase({ title: "Deleted mid-run" });
    const linked = await f.link(useCase.id, { create: true });
    const linkId = linked.body.link.id;
    const issue = { id: linked.body.link.issueId!, key: linked.body.link.issueKey! };
    // Slow answers: the run reads the issue (still there) while the deletion's webhook is handled.
    f.sim.control.setFaults({ latencyMs: 1_000 });
    try {
      const running = syncLink(f.app.deps, linkId, "manual");
      expect((await deliver("jira:issue_deleted", issue, "Deleted mid-run")).status).toBe("broken");
      expect((await running).outcome).toBe("ok");
    } finally {
      f.sim.control.setFaults({ latencyMs: 0 });
    }
    expect(await findLink(f.app.deps.db, linkId)).toMatchObject({ state: "broken", state_code: "issue_deleted" });
  });
});
