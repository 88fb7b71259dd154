import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { signBody } from "../../../integrations/jira/webhooks/signature.ts";
import { setUpRoles } from "../api/use-cases/test-fixtures.ts";
import { createTestApp, type TestApp } from "../../testing/app.ts";
import { seededRandom } from "../../../sim/jira/prng.ts";
import { purgeExpired } from "../../queue/tasks/purge-expired.ts";

const capturesDir = path.resolve(import.meta.dirname, "../../../../shared/jira-webhooks");
const captures = readdirSync(capturesDir)
  .filter((name) => name.endsWith(".json"))
  .map((name) => readFileSync(path.join(capturesDir, name), "utf8"));

describe("POST /hooks/jira/{endpointId}", () => {
  let app: TestApp;
  let workspaceId: string;
  let url: string;
  let secret: string;

  const post = (target: string, body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) =>
    app.request(target, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const signed = (body: string | Uint8Array<ArrayBuffer>, identifier: string = crypto.randomUUID()) => post(url, body, { "x-hub-signature": signBody(secret, body), "x-atlassian-webhook-identifier": identifier });
  const deliveries = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM jira_webhook_deliveries`.execute(app.deps.db)).rows[0]?.n ?? -1;
  const jobs = async (task: string) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = ${task}`.execute(app.deps.db)).rows[0]?.n ?? -1;

  beforeAll(async () => {
    app = await createTestApp({ env: { PUBLIC_URL: "https://tether.example.com" } });
    const roles = await setUpRoles(app, "hooks");
    workspaceId = roles.workspaceId;
    const jira = `/workspaces/${workspaceId}/integrations/jira`;
    expect((await roles.admin.client.put(`${jira}/connection`, { kind: "datacenter_pat", baseUrl: "http://127.0.0.1:9/jira", secret: "t", projectKeys: ["TETH"] })).status).toBe(200);
    const view = await roles.admin.client.get<{ url: string; state: string }>(`${jira}/webhook`);
    expect(view.status).toBe(200);
    expect(JSON.stringify(view.body)).not.toMatch(/secret"\s*:/);
    url = new URL(view.body.url).pathname;
    const revealed = await roles.admin.client.post<{ secret: string }>(`${jira}/webhook/secret`);
    expect(revealed.status).toBe(200);
    secret = revealed.body.secret;
    expect(secret.length).toBeGreaterThanOrEqual(40);
  });
  afterAll(() => app.close());

  it("accepts a signed real capture with 202, and stores a replayed identifier once", async () => {
    const body = captures[0] ?? "";
    const before = await deliveries();
    const first = await signed(body, "replayed-id");
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ accepted: true, duplicate: false });
    const again = await signed(body, "replayed-id");
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ accepted: true, duplicate: true });
    expect(await deliveries()).toBe(before + 1);
    const rows = await app.deps.db.selectFrom("jira_webhook_deliveries").selectAll().where("identifier", "=", "replayed-id").execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ workspace_id: workspaceId, signed: true, status: "received" });
  });

  it("refuses unsigned and wrongly signed deliveries with 401, and remembers why", async () => {
    const body = captures[1] ?? "";
    const unsigned = await post(url, body);
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ error: { code: "invalid_signature" } });
    expect((await post(url, body, { "x-hub-signature": signBody("not the secret", body) })).status).toBe(401);
    expect((await post(url, body, { "x-hub-signature": signBody(secret, `${body} `) })).status).toBe(401);
    expect((await post(url, body, { "x-hub-signature": "md5=00" })).status).toBe(401);
    const endpoint = await app.deps.db.selectFrom("jira_webhook_endpoints").selectAll().where("workspace_id", "=", workspaceId).executeTakeFirstOrThrow();
    expect(endpoint.last_rejected_reason).toMatch(/method/);
  });

  it("answers 404 for an unknown endpoint, 413 for an oversize body, 400 for malformed JSON or a non-delivery", async () => {
    const body = captures[0] ?? "";
    expect((await post(`/hooks/jira/${"x".repeat(43)}`, body, { "x-hub-signature": signBody(secret, body) })).status).toBe(404);
    expect((await post("/hooks/jira/short", body)).status).toBe(404);
    const huge = JSON.stringify({ webhookEvent: "jira:issue_updated", pad: "x".repeat(1024 * 1024) });
    const oversize = await signed(huge);
    expect(oversize.status).toBe(413);
    expect(await oversize.json()).toMatchObject({ error: { code: "payload_too_large" } });
    const malformed = await signed('{"webhookEvent": "jira:issue_updated",');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: "invalid_json" } });
    expect(await (await signed('{"hello":"world"}')).json()).toMatchObject({ error: { code: "invalid_delivery" } });
  });

  it("accepts an unsigned delivery only once the endpoint is in unsigned (secret path) mode", async () => {
    const body = captures[2] ?? "";
    expect((await post(url, body, { "x-atlassian-webhook-identifier": "unsigned-1" })).status).toBe(401);
    await app.deps.db.updateTable("jira_webhook_endpoints").set({ accept_unsigned: true }).where("workspace_id", "=", workspaceId).execute();
    try {
      expect((await post(url, body, { "x-atlassian-webhook-identifier": "unsigned-1" })).status).toBe(202);
      expect((await post(url, body, { "x-hub-signature": signBody("wrong", body) })).status).toBe(401);
      const row = await app.deps.db.selectFrom("jira_webhook_deliveries").selectAll().where("identifier", "=", "unsigned-1").executeTakeFirstOrThrow();
      expect(row.signed).toBe(false);
    } finally {
      await app.deps.db.updateTable("jira_webhook_endpoints").set({ accept_unsigned: false }).where("workspace_id", "=", workspaceId).execute();
    }
  });

  it("forgets deliveries older than 7 days in the hourly purge", async () => {
    const old = new Date(Date.now() - 8 * 86_400_000);
    const recent = new Date(Date.now() - 6 * 86_400_000);
    for (const [identifier, received_at] of [["purge-old", old], ["purge-recent", recent]] as const) {
      await app.deps.db.insertInto("jira_webhook_deliveries").values({ workspace_id: workspaceId, identifier, event: "jira:issue_updated", issue_id: null, issue_key: null, signed: true, received_at, handled_at: null, note: null }).execute();
    }
    await purgeExpired.handler({}, app.deps);
    const left = await app.deps.db.selectFrom("jira_webhook_deliveries").select("identifier").where("identifier", "like", "purge-%").execute();
    expect(left.map((row) => row.identifier)).toEqual(["purge-recent"]);
    await app.deps.db.deleteFrom("jira_webhook_deliveries").where("identifier", "=", "purge-recent").execute();
  });

  it("survives 2,000 random and mutated payloads: never a 5xx, and nothing but stored summaries", async () => {
    // Sprint and issue-link events (no real capture yet): shaped as the simulator sends them.
    const sprintAndLinkBodies = [
      JSON.stringify({ timestamp: 1, webhookEvent: "sprint_updated", sprint: { id: 37, state: "active", name: "S1", originBoardId: 5 }, oldValue: { id: 37, state: "future", name: "S0", originBoardId: 5 } }),
      JSON.stringify({ timestamp: 1, webhookEvent: "issuelink_created", issueLink: { id: 10010, sourceIssueId: 10002, destinationIssueId: 10001, issueLinkType: { id: 10000, name: "Blocks" }, systemLink: false } }),
    ];
    const random = seededRandom(20261128);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const mutate = (text: string): string => {
      const chars = [...text];
      const kind = Math.floor(random() * 6);
      if (kind === 0) return chars.slice(0, Math.floor(random() * chars.length)).join(""); // truncated
      if (kind === 1) {
        for (let i = 0; i < 1 + random() * 20; i++) chars[Math.floor(random() * chars.length)] = String.fromCharCode(Math.floor(random() * 0xffff));
        return chars.join("");
      }
      const json = JSON.parse(text) as Record<string, unknown>;
      const odd = pick<unknown>([null, 0, -1, 1e308, "", "x".repeat(5000), [], {}, true, { id: [1] }, "10021", Number.NaN]);
      if (kind === 2) json.webhookEvent = odd;
      if (kind === 3) json.issue = odd;
      if (kind === 4) (json.issue as Record<string, unknown> | undefined ?? json.sprint as Record<string, unknown> | undefined ?? json.issueLink as Record<string, unknown> | undefined ?? json)[pick(["id", "key", "fields", "self", "sourceIssueId", "destinationIssueId"])] = odd;
      if (kind === 5) return JSON.stringify(pick([odd, [json], { nested: json }, json]));
      return JSON.stringify(json);
    };
    const randomBytesBody = () => Uint8Array.from({ length: Math.floor(random() * 400) }, () => Math.floor(random() * 256));
    const before = await deliveries();
    const statuses = new Map<number, number>();
    let accepted = 0;
    for (let i = 0; i < 2000; i++) {
      const which = random();
      const body: string | Uint8Array<ArrayBuffer> = which < 0.2 ? randomBytesBody() : which < 0.3 ? pick(captures) : mutate(pick([...captures, ...sprintAndLinkBodies]));
      const how = random();
      const response = how < 0.8 ? await signed(body) : how < 0.9 ? await post(url, body) : await post(url, body, { "x-hub-signature": `sha256=${"0".repeat(64)}` });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status === 202) accepted++;
      expect([202, 400, 401], `payload ${i}`).toContain(response.status);
    }
    expect(statuses.get(202)).toBeGreaterThan(100);
    expect(statuses.get(400)).toBeGreaterThan(100);
    expect(statuses.get(401)).toBeGreaterThan(100);
    // Every accepted delivery is one stored summary with one ingest job; no sync job was created
    // (no issue here is linked, and the route never enqueues sync itself).
    expect(await deliveries()).toBe(before + accepted);
    expect(await jobs("jira_webhook_ingest")).toBe(await deliveries());
    expect(await jobs("jira_sync_link")).toBe(0);
    const columns = Object.keys((await app.deps.db.selectFrom("jira_webhook_deliveries").selectAll().executeTakeFirstOrThrow()) as object).sort();
    expect(columns).toEqual(["event", "handled_at", "id", "identifier", "issue_id", "issue_key", "linked_issue_id", "note", "received_at", "signed", "sprint_id", "status", "workspace_id"]);
  }, 60_000);
});
