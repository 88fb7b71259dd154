import { startWorker } from "../../queue/worker.ts";
import { listenOverHttp } from "../../testing/listen-over-http.ts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { WebhookView } from "../../../common/contracts/jira-webhook.ts";
import { signBody } from "../../../integrations/jira/webhooks/signature.ts";
import { eventually, setUpSync, type SyncFixture } from "../../testing/jira-sync-fixture.ts";

/** A real HTTP listener in front of the in-process test app, so the simulator can deliver to Tether. */
const listen = listenOverHttp;

const hooksWithUrl = (fixture: SyncFixture, url: string | null) => [...fixture.sim.control.store.webhooks.values()].filter((hook) => hook.url === url);

async function linkedUseCase(fixture: SyncFixture) {
  const useCase = await fixture.createUseCase({ title: "Webhook target", visibility: "public" });
  const linked = await fixture.link(useCase.id, { create: true });
  expect(linked.status, JSON.stringify(linked.body)).toBe(201);
  const link = await eventually(async () => {
    const row = await fixture.app.deps.db.selectFrom("jira_links").selectAll().where("use_case_id", "=", useCase.id).executeTakeFirstOrThrow();
    expect(row.state).toBe("ok");
    return row;
  }, 15_000);
  return { useCase, issueKey: link.issue_key ?? "", linkId: link.id };
}

for (const version of [10, 9] as const) {
  describe(`webhook on Data Center ${version}: registered, delivered, applied`, () => {
    let fixture: SyncFixture;
    let server: { origin: string; close(): Promise<void> };
    beforeAll(async () => {
      fixture = await setUpSync("datacenter", { version, prefix: `hook-dc${version}` });
      server = await listen(fixture);
      fixture.app.deps.env.PUBLIC_URL = server.origin;
    }, 60_000);
    afterAll(async () => {
      await server.close();
      await fixture.close();
    });

    it("registers once however often it is asked (upsert by URL, under a lock)", async () => {
      const register = () => fixture.admin.client.post<WebhookView>(`${fixture.jiraBase}/webhook/register`);
      const first = await register();
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ state: "registered", events: ["jira:issue_created", "jira:issue_updated", "jira:issue_deleted", "sprint_created", "sprint_updated", "sprint_started", "sprint_closed", "sprint_deleted", "issuelink_created", "issuelink_deleted"], jql: "project in (TETH)" });
      const [second, third] = await Promise.all([register(), register()]);
      expect([second.body.state, third.body.state]).toEqual(["registered", "registered"]);
      const hooks = hooksWithUrl(fixture, first.body.url);
      expect(hooks).toHaveLength(1);
      expect(hooks[0]?.jqlFilter).toBe("project in (TETH)");
      const endpoint = await fixture.app.deps.db.selectFrom("jira_webhook_endpoints").selectAll().executeTakeFirstOrThrow();
      expect(endpoint.jira_webhook_id).toBe(hooks[0]?.id);
      if (version === 10) {
        // Data Center 10 carries the secret in configuration.SECRET and signs with it.
        const revealed = await fixture.admin.client.post<{ secret: string }>(`${fixture.jiraBase}/webhook/secret`);
        expect(hooks[0]?.secret).toBe(revealed.body.secret);
        expect(endpoint.accept_unsigned).toBe(false);
      } else {
        expect(hooks[0]?.secret ?? null).toBeNull();
        expect(endpoint.accept_unsigned).toBe(true);
        expect(first.body.reason).toMatch(/cannot sign/);
      }
      // A changed JQL replaces the registration instead of adding one.
      const saved = await fixture.admin.client.put<WebhookView>(`${fixture.jiraBase}/webhook`, { customJql: "project = TETH AND issuetype = Epic" });
      expect(saved.status).toBe(200);
      await eventually(() => expect(hooksWithUrl(fixture, first.body.url).map((hook) => hook.jqlFilter)).toEqual(["project = TETH AND issuetype = Epic"]));
      await fixture.admin.client.put(`${fixture.jiraBase}/webhook`, { customJql: null });
      await eventually(() => expect(hooksWithUrl(fixture, first.body.url).map((hook) => hook.jqlFilter)).toEqual(["project in (TETH)"]));
    });

    it("renews, when a worker starts, a registration made by an older Tether or deleted in Jira", async () => {
      const url = (await fixture.admin.client.get<WebhookView>(`${fixture.jiraBase}/webhook`)).body.url;
      const [hook] = hooksWithUrl(fixture, url);
      expect(hook?.events).toContain("sprint_updated");
      // An older Tether subscribed to issue events only: Jira holds that list, Tether its fingerprint.
      fixture.sim.control.store.webhooks.set(hook!.id, { ...hook!, events: ["jira:issue_created", "jira:issue_updated", "jira:issue_deleted"] });
      await fixture.app.deps.db.updateTable("jira_webhook_endpoints").set({ registered_fingerprint: "made-by-an-older-tether" }).execute();
      // A second worker process starting, as after an upgrade; the fixture's own worker keeps running.
      const afterStart = async (check: () => void) => {
        const started = await startWorker(fixture.app.deps);
        try {
          await eventually(check);
        } finally {
          await started.stop();
        }
      };
      await afterStart(() => {
        const renewed = hooksWithUrl(fixture, url);
        expect(renewed).toHaveLength(1);
        expect(renewed[0]?.events).toEqual(expect.arrayContaining(["sprint_updated", "issuelink_deleted"]));
      });
      // An admin deletes it in Jira; the next start puts it back.
      for (const gone of hooksWithUrl(fixture, url)) fixture.sim.control.store.webhooks.delete(gone.id);
      await afterStart(() => expect(hooksWithUrl(fixture, url)).toHaveLength(1));
      expect((await fixture.admin.client.get<WebhookView>(`${fixture.jiraBase}/webhook`)).body.state).toBe("registered");
    });

    it("carries an edit made in Jira to the linked use case through the webhook within seconds", async () => {
      const { useCase, issueKey } = await linkedUseCase(fixture);
      const started = Date.now();
      fixture.sim.control.editIssue("cara", issueKey, { fields: { summary: `Renamed in Jira ${version}` } });
      await eventually(async () => {
        const read = await fixture.admin.client.get<{ useCase: { title: string } }>(`${fixture.base}/${useCase.id}`);
        expect(read.body.useCase.title).toBe(`Renamed in Jira ${version}`);
      }, 5_000);
      const deliveries = await fixture.app.deps.db.selectFrom("jira_webhook_deliveries").selectAll().where("issue_key", "=", issueKey).execute();
      expect(deliveries.some((row) => row.status === "synced" && row.signed === (version === 10))).toBe(true);
      expect(Date.now() - started).toBeLessThan(5_000);
      const view = await fixture.admin.client.get<WebhookView>(`${fixture.jiraBase}/webhook`);
      expect(view.body.lastDeliveryAt).not.toBeNull();
      expect(view.body.counts.synced).toBeGreaterThan(0);
    });

    it("marks the link broken when the issue is deleted in Jira, and keeps the use case", async () => {
      const { useCase, issueKey, linkId } = await linkedUseCase(fixture);
      fixture.sim.control.deleteIssue("ada", issueKey);
      await eventually(async () => {
        const link = await fixture.app.deps.db.selectFrom("jira_links").selectAll().where("id", "=", linkId).executeTakeFirstOrThrow();
        // A sync run already queued (our own create's deliveries) may meet the 404 first: also broken.
        expect(link.state).toBe("broken");
        expect(link.state_code).toBe("issue_deleted");
        const deleted = await fixture.app.deps.db.selectFrom("jira_webhook_deliveries").selectAll().where("issue_key", "=", issueKey).where("event", "=", "jira:issue_deleted").executeTakeFirstOrThrow();
        expect(deleted.status).toBe("broken");
      }, 5_000);
      expect((await fixture.admin.client.get(`${fixture.base}/${useCase.id}`)).status).toBe(200);
    });

    it("removes the registration when “From Jira” is switched off", async () => {
      const url = (await fixture.admin.client.get<WebhookView>(`${fixture.jiraBase}/webhook`)).body.url;
      expect(hooksWithUrl(fixture, url)).toHaveLength(1);
      expect((await fixture.admin.client.patch(`${fixture.jiraBase}/features`, { fromJira: false })).status).toBe(200);
      await eventually(async () => {
        expect(hooksWithUrl(fixture, url)).toHaveLength(0);
        expect((await fixture.admin.client.get<WebhookView>(`${fixture.jiraBase}/webhook`)).body.state).toBe("off");
      });
    });
  });
}

describe("webhook on Jira Cloud", () => {
  let fixture: SyncFixture;
  beforeAll(async () => {
    fixture = await setUpSync("cloud", { prefix: "hook-cloud" });
  }, 60_000);
  afterEach(() => {
    delete fixture.app.deps.env.PUBLIC_URL;
  });
  afterAll(() => fixture.close());

  it("says plainly that Jira Cloud cannot deliver without PUBLIC_URL, instead of registering", async () => {
    const view = await fixture.admin.client.post<WebhookView>(`${fixture.jiraBase}/webhook/register`);
    expect(view.body.state).toBe("unreachable");
    expect(view.body.reason).toMatch(/Jira Cloud cannot deliver.*reconciliation/);
    expect(fixture.sim.control.store.webhooks.size).toBe(0);
  });

  it("registers a loopback PUBLIC_URL with a Cloud Jira on this machine (the simulator), and its edits arrive within seconds", async () => {
    // Only a Jira on the internet cannot reach a private address (webhook-url.unit.test.ts).
    const server = await listen(fixture);
    try {
      fixture.app.deps.env.PUBLIC_URL = server.origin;
      const view = await fixture.admin.client.post<WebhookView>(`${fixture.jiraBase}/webhook/register`);
      expect(view.body).toMatchObject({ state: "registered", reason: null });
      expect(hooksWithUrl(fixture, view.body.url)).toHaveLength(1);
      const { useCase, issueKey } = await linkedUseCase(fixture);
      fixture.sim.control.editIssue("cara", issueKey, { fields: { summary: "Renamed in Jira Cloud" } });
      await eventually(async () => {
        const read = await fixture.admin.client.get<{ useCase: { title: string } }>(`${fixture.base}/${useCase.id}`);
        expect(read.body.useCase.title).toBe("Renamed in Jira Cloud");
      }, 5_000);
      const deliveries = await fixture.app.deps.db.selectFrom("jira_webhook_deliveries").selectAll().where("issue_key", "=", issueKey).execute();
      expect(deliveries.some((row) => row.status === "synced" && row.signed)).toBe(true);
    } finally {
      delete fixture.app.deps.env.PUBLIC_URL;
      await fixture.admin.client.patch(`${fixture.jiraBase}/features`, { fromJira: false });
      await eventually(() => expect(fixture.sim.control.store.webhooks.size).toBe(0));
      await fixture.admin.client.patch(`${fixture.jiraBase}/features`, { fromJira: true });
      await server.close();
    }
  }, 30_000);

  it("without PUBLIC_URL, has a Jira on this machine (the simulator) post to the address Tether listens on", async () => {
    const server = await listen(fixture);
    try {
      fixture.app.deps.listeningUrl = server.origin;
      const view = await fixture.admin.client.post<WebhookView>(`${fixture.jiraBase}/webhook/register`);
      expect(view.body).toMatchObject({ state: "registered", url: expect.stringContaining(`${server.origin}/hooks/jira/`) });
      const { useCase, issueKey } = await linkedUseCase(fixture);
      fixture.sim.control.editIssue("cara", issueKey, { fields: { summary: "Renamed in Jira, no PUBLIC_URL" } });
      await eventually(async () => {
        const read = await fixture.admin.client.get<{ useCase: { title: string } }>(`${fixture.base}/${useCase.id}`);
        expect(read.body.useCase.title).toBe("Renamed in Jira, no PUBLIC_URL");
      }, 5_000);
    } finally {
      await fixture.admin.client.patch(`${fixture.jiraBase}/features`, { fromJira: false });
      await eventually(() => expect(fixture.sim.control.store.webhooks.size).toBe(0));
      delete fixture.app.deps.listeningUrl;
      await fixture.admin.client.patch(`${fixture.jiraBase}/features`, { fromJira: true });
      await server.close();
    }
  }, 30_000);

  it("without Jira admin rights gives the manual steps, and verify reports the test delivery that arrives", async () => {
    fixture.app.deps.env.PUBLIC_URL = "https://tether.example.com";
    fixture.sim.control.setSiteAdmin("ada", false);
    try {
      const view = await fixture.admin.client.post<WebhookView>(`${fixture.jiraBase}/webhook/register`);
      expect(view.body.state).toBe("manual");
      expect(view.body.reason).toMatch(/ADMINISTER/);
      const steps = view.body.manualSteps.join("\n");
      expect(steps).toContain(`URL: ${view.body.url ?? "?"}`);
      expect(steps).toContain("project in (TETH)");
      expect(steps).toMatch(/“Sprint”, created, updated, started, closed and deleted/);
      expect(steps).toContain("issuelink_created, issuelink_deleted");
      expect(steps).toMatch(/Secret: paste/);
      expect(JSON.stringify(view.body)).not.toContain((await fixture.moderator.client.post<{ secret: string }>(`${fixture.jiraBase}/webhook/secret`)).body.secret);

      const secret = (await fixture.admin.client.post<{ secret: string }>(`${fixture.jiraBase}/webhook/secret`)).body.secret;
      const path = new URL(view.body.url ?? "").pathname;
      const body = JSON.stringify({ webhookEvent: "jira:issue_updated", issue: { id: "99999", key: "TETH-999" } });
      const verifying = fixture.admin.client.post<{ received: boolean; message: string }>(`${fixture.jiraBase}/webhook/verify`, { timeoutSeconds: 5 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const delivered = await fixture.app.request(path, { method: "POST", headers: { "x-hub-signature": signBody(secret, body), "x-atlassian-webhook-identifier": "verify-1" }, body });
      expect(delivered.status).toBe(202);
      const verified = await verifying;
      expect(verified.body).toMatchObject({ received: true });
      expect(verified.body.message).toContain("jira:issue_updated for TETH-999, signed correctly");
      // Not linked: recorded and ignored.
      await eventually(async () => {
        const row = await fixture.app.deps.db.selectFrom("jira_webhook_deliveries").selectAll().where("identifier", "=", "verify-1").executeTakeFirstOrThrow();
        expect(row).toMatchObject({ status: "ignored", note: "The issue is not linked to a use case." });
      });

      const failing = fixture.admin.client.post<{ received: boolean; message: string }>(`${fixture.jiraBase}/webhook/verify`, { timeoutSeconds: 2 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await fixture.app.request(path, { method: "POST", headers: { "x-hub-signature": signBody("old secret", body) }, body })).status).toBe(401);
      expect((await failing).body).toMatchObject({ received: false, message: expect.stringMatching(/refused.*secret in Jira differs/) });
    } finally {
      fixture.sim.control.setSiteAdmin("ada", true);
    }
  });
});
