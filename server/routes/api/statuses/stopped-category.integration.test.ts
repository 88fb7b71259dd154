import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../testing/app.ts";
import { signUpUser, type TestUser } from "../../../testing/client.ts";

type Status = { id: string; name: string; category: string };

describe("the stopped status category", () => {
  let app: TestApp;
  let admin: TestUser;
  let workspaceId: string;
  beforeAll(async () => {
    app = await createTestApp();
    admin = await signUpUser(app, "admin");
    const created = await admin.client.post<{ workspace: { id: string } }>("/workspaces", { name: "Stops" });
    workspaceId = created.body.workspace.id;
  });
  afterAll(async () => app.close());

  const statuses = async () => (await admin.client.get<{ statuses: Status[] }>(`/workspaces/${workspaceId}/statuses`)).body.statuses;

  it("puts Rejected in stopped in a new workspace's default workflow, Done stays done", async () => {
    const categories = Object.fromEntries((await statuses()).map((s) => [s.name, s.category]));
    expect(categories).toEqual({ Idea: "todo", Evaluating: "todo", Approved: "todo", "In delivery": "in_progress", Done: "done", Rejected: "stopped" });
  });

  it("lets an Admin create a stopped status and change one to stopped and back", async () => {
    const current = (await statuses()).map(({ id, name, category }) => ({ id, name, category }));
    const done = current.find((s) => s.name === "Done");
    if (!done) throw new Error("no Done");
    const saved = await admin.client.put<{ statuses: Status[] }>(`/workspaces/${workspaceId}/statuses`, {
      statuses: [...current.map((s) => (s.id === done.id ? { ...s, category: "stopped" } : s)), { name: "Cancelled", category: "stopped" }],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.statuses.filter((s) => s.category === "stopped").map((s) => s.name)).toEqual(["Done", "Rejected", "Cancelled"]);
    const back = await admin.client.put<{ statuses: Status[] }>(`/workspaces/${workspaceId}/statuses`, {
      statuses: saved.body.statuses.map(({ id, name, category }) => ({ id, name, category: id === done.id ? "done" : category })),
    });
    expect(back.status).toBe(200);
    expect(back.body.statuses.find((s) => s.id === done.id)?.category).toBe("done");
  });

  it("refuses an unknown category with validation_failed and changes nothing", async () => {
    const before = await statuses();
    const refused = await admin.client.put(`/workspaces/${workspaceId}/statuses`, { statuses: [{ name: "Closed", category: "closed" }] });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: { code: "validation_failed" } });
    expect(await statuses()).toEqual(before);
  });
});
