import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJiraSim, type JiraSim } from "./index.ts";
import { authFor, json, SimClient } from "./testing/sim-client.ts";

type Received = { headers: Record<string, string | string[] | undefined>; raw: string; body: Record<string, unknown> };

async function startReceiver(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      received.push({ headers: request.headers, raw, body: JSON.parse(raw) as Record<string, unknown> });
      response.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/jira`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe("webhook registration (Cloud and Data Center ≤ 9 API)", () => {
  let sim: JiraSim;
  let ada: SimClient;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    sim = await startJiraSim({ flavor: "cloud" });
    ada = new SimClient(sim, authFor(sim, "ada"));
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await sim.stop();
    await receiver.close();
  });

  it("validates registrations: URL, JQL filter, admin rights", async () => {
    const base = { name: "Tether", url: receiver.url, events: ["jira:issue_updated"] };
    expect((await ada.post("/rest/webhooks/1.0/webhook", { ...base, url: "not a url" })).status).toBe(400);
    const badJql = await ada.post("/rest/webhooks/1.0/webhook", { ...base, filters: { "issue-related-events-section": "project = = TETH" } });
    expect(badJql.status).toBe(400);
    expect(json<{ errorMessages: string[] }>(badJql).errorMessages.length).toBeGreaterThan(0);
    expect((await ada.as(authFor(sim, "cara")).post("/rest/webhooks/1.0/webhook", base)).status).toBe(403);
  });

  it("registers, lists and deletes a webhook", async () => {
    const created = await ada.post("/rest/webhooks/1.0/webhook", { name: "Temp", url: receiver.url, events: ["jira:issue_created"], filters: { "issue-related-events-section": "project = TETH" } });
    expect(created.status).toBe(201);
    const self = json<{ self: string; filters: Record<string, string> }>(created);
    expect(self.filters["issue-related-events-section"]).toBe("project = TETH");
    const id = self.self.split("/").pop() ?? "";
    const listed = json<{ name: string }[]>(await ada.get("/rest/webhooks/1.0/webhook"));
    expect(listed.map((hook) => hook.name)).toContain("Temp");
    expect((await ada.delete(`/rest/webhooks/1.0/webhook/${id}`)).status).toBe(204);
    expect((await ada.get(`/rest/webhooks/1.0/webhook/${id}`)).status).toBe(404);
  });

  it("delivers a signed v2-shaped jira:issue_updated for a REST edit and for an edit made 'in Jira'", async () => {
    const registration = await ada.post("/rest/webhooks/1.0/webhook", {
      name: "Tether workspace",
      url: receiver.url,
      events: ["jira:issue_updated", "comment_created"],
      filters: { "issue-related-events-section": "project = TETH" },
      secret: "s3cret",
    });
    expect(registration.status).toBe(201);
    expect((await ada.put("/rest/api/3/issue/TETH-2", { fields: { summary: "Renamed by Tether" } })).status).toBe(204);
    sim.control.editIssue("cara", "TETH-2", { fields: { description: "Edited in Jira by Cara" } });
    sim.control.addComment("cara", "TETH-2", "A comment from Jira");
    await sim.control.webhooksIdle();

    const updates = receiver.received.filter((delivery) => delivery.body.webhookEvent === "jira:issue_updated");
    expect(updates.length).toBeGreaterThanOrEqual(2);
    for (const delivery of receiver.received) {
      const expected = `sha256=${createHmac("sha256", "s3cret").update(delivery.raw).digest("hex")}`;
      expect(delivery.headers["x-hub-signature"]).toBe(expected);
      expect(delivery.headers["x-atlassian-webhook-identifier"]).toBeTruthy();
    }
    const summaryChange = updates.find((delivery) => JSON.stringify(delivery.body.changelog).includes("Renamed by Tether"));
    const issue = summaryChange?.body.issue as { key: string; self: string; fields: Record<string, unknown> };
    expect(issue.key).toBe("TETH-2");
    expect(issue.self).toMatch(/\/rest\/api\/2\/\d+$/);
    const descriptionChange = updates.find((delivery) => JSON.stringify(delivery.body.changelog).includes("Edited in Jira by Cara"));
    expect((descriptionChange?.body.issue as { fields: { description: unknown } }).fields.description).toBe("Edited in Jira by Cara");
    expect((descriptionChange?.body.user as { displayName: string }).displayName).toBe("Cara Coder");
    expect(receiver.received.some((delivery) => delivery.body.webhookEvent === "comment_created")).toBe(true);
  });
});

describe("webhook registration (Data Center 10+ API)", () => {
  let sim: JiraSim;
  let ada: SimClient;
  beforeAll(async () => {
    sim = await startJiraSim({ flavor: "datacenter", version: 10 });
    ada = new SimClient(sim, authFor(sim, "ada"));
  });
  afterAll(() => sim.stop());

  it("takes the secret and filter in configuration and never returns the secret", async () => {
    const created = await ada.post("/rest/jira-webhook/1.0/webhooks", {
      name: "Tether",
      url: "http://127.0.0.1:9/hooks",
      events: ["jira:issue_updated"],
      configuration: { FILTERS: "project = TETH", EXCLUDE_BODY: "false", SECRET: "top-secret" },
      active: true,
    });
    expect(created.status).toBe(201);
    const body = json<{ id: number; configuration: Record<string, string> }>(created);
    expect(body.configuration.FILTERS).toBe("project = TETH");
    // Masked, and not anywhere else in the answer either (headers included).
    expect(body.configuration.SECRET).toBe("********");
    expect(created.text).not.toContain("top-secret");
    expect(JSON.stringify([...created.headers])).not.toContain("top-secret");
    const listed = await ada.get("/rest/jira-webhook/1.0/webhooks");
    expect(listed.status).toBe(200);
    expect(json<{ id: number; configuration: Record<string, string> }[]>(listed)).toEqual([expect.objectContaining({ id: body.id, configuration: expect.objectContaining({ SECRET: "********" }) })]);
    expect(listed.text).not.toContain("top-secret");
    expect(sim.control.snapshot().webhooks[0]?.secret).toBe("top-secret");
    expect((await ada.delete(`/rest/jira-webhook/1.0/webhooks/${body.id}`)).status).toBe(204);
  });
});

describe("webhook deliveries for comments and custom-field filters", () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver.close());

  it("Cloud: the jira:issue_updated sent with a comment carries the full issue, the comment event a cut-down one", async () => {
    const sim = await startJiraSim({ flavor: "cloud" });
    try {
      const ada = new SimClient(sim, authFor(sim, "ada"));
      const registered = await ada.post("/rest/webhooks/1.0/webhook", {
        name: "Comments",
        url: receiver.url,
        events: ["comment_created", "jira:issue_updated"],
        filters: { "issue-related-events-section": "key = TETH-5" },
      });
      expect(registered.status).toBe(201);
      const comment = await ada.post("/rest/api/3/issue/TETH-5/comment", { body: { type: "doc", version: 1, content: [{ type: "paragraph", content: [{ type: "text", text: "Seen from Tether" }] }] } });
      expect(comment.status).toBe(201);
      await sim.control.webhooksIdle();
      const bodies = receiver.received.splice(0).map((delivery) => delivery.body);
      const commentEvent = bodies.find((body) => body.webhookEvent === "comment_created");
      const twin = bodies.find((body) => body.webhookEvent === "jira:issue_updated" && body.issue_event_type_name === "issue_commented");
      const cutDown = (commentEvent?.issue as { fields: Record<string, unknown> }).fields;
      const full = (twin?.issue as { key: string; fields: Record<string, unknown> });
      expect(Object.keys(cutDown).sort()).toEqual(["assignee", "issuetype", "priority", "project", "status", "summary"]);
      expect(full.key).toBe("TETH-5");
      expect(full.fields).toHaveProperty("labels");
      expect(full.fields).toHaveProperty("updated");
      expect(full.fields).toHaveProperty("reporter");
      // Webhook bodies use the v2 shape even on Cloud: the description is a string, not ADF.
      expect(typeof full.fields.description).toBe("string");
      expect(full.fields).not.toHaveProperty("comment");
      expect((twin?.comment as { body: string }).body).toBe("Seen from Tether");
    } finally {
      await sim.stop();
    }
  });

  it("Data Center: a JQL filter may name a custom field as cf[NNNNN]", async () => {
    const sim = await startJiraSim({ flavor: "datacenter" });
    try {
      const ada = new SimClient(sim, authFor(sim, "ada"));
      const registered = await ada.post("/rest/webhooks/1.0/webhook", {
        name: "Epic children",
        url: receiver.url,
        events: ["jira:issue_updated"],
        filters: { "issue-related-events-section": "cf[10100] = TETH-1" },
      });
      expect(registered.status).toBe(201);
      const children = json<{ issues: { key: string }[] }>(await ada.post("/rest/api/2/search", { jql: '"Epic Link" = TETH-1', maxResults: 1, fields: ["summary"] })).issues;
      const child = children[0]?.key ?? "";
      expect(child).toMatch(/^TETH-/);
      expect((await ada.put(`/rest/api/2/issue/${child}`, { fields: { summary: "Child of the epic" } })).status).toBe(204);
      expect((await ada.put("/rest/api/2/issue/TETH-1", { fields: { summary: "The epic itself" } })).status).toBe(204);
      await sim.control.webhooksIdle();
      const keys = receiver.received.splice(0).map((delivery) => (delivery.body.issue as { key: string }).key);
      expect(keys).toEqual([child]);
    } finally {
      await sim.stop();
    }
  });
});
