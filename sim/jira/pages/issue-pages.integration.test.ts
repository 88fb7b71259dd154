import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type JiraSim, startJiraSim } from "../index.ts";

const post = (sim: JiraSim, key: string, form: Record<string, string>) =>
  fetch(`${sim.url}/browse/${key}`, { method: "POST", body: new URLSearchParams(form), redirect: "manual" });

describe("the simulator's issue pages", () => {
  let cloud: JiraSim;
  let datacenter: JiraSim;
  beforeAll(async () => {
    [cloud, datacenter] = await Promise.all([startJiraSim({ flavor: "cloud", seed: "demo" }), startJiraSim({ flavor: "datacenter", seed: "demo", version: 10 })]);
  });
  afterAll(async () => {
    await Promise.all([cloud?.stop(), datacenter?.stop()]);
  });

  it("lists every project's issues, Epics with their children, each linking to its /browse page", async () => {
    for (const sim of [cloud, datacenter]) {
      const page = await (await fetch(`${sim.url}/`)).text();
      expect(page).toContain("Tether Demo (TETH)");
      expect(page).toContain('<a href="/browse/TETH-1">TETH-1</a>');
      expect(page).toContain("Customer onboarding revamp");
      const issue = await fetch(`${sim.url}/browse/TETH-1`);
      expect(issue.status).toBe(200);
      const text = await issue.text();
      expect(text).toContain("Child issues (12)");
      expect(text).toContain("Edit as a Jira user");
    }
  });

  it("an edit through the form goes through the simulator's commands: the issue changes and a webhook event with its changelog fires", async () => {
    const before = datacenter.control.webhookEvents().length;
    const saved = await post(datacenter, "TETH-1", { as: "ben", summary: "Onboarding <revamped>", description: "First line\r\nsecond line", status: "In Review", priority: "Critical" });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe("/browse/TETH-1?as=ben&saved=summary%2C%20description%2C%20priority%2C%20status");
    const issue = datacenter.control.issue("TETH-1");
    expect(issue.summary).toBe("Onboarding <revamped>");
    expect(issue.description).toEqual({ kind: "wiki", text: "First line\nsecond line" });
    expect(datacenter.control.store.catalog.statuses.find((status) => status.id === issue.statusId)?.name).toBe("In Review");
    const events = datacenter.control.webhookEvents().slice(before);
    expect(events.map((event) => event.webhookEvent)).toEqual(["jira:issue_updated", "jira:issue_updated"]);
    expect(events[0]?.user?.name).toBe("ben");
    expect(events[0]?.changelog?.items.map((item) => item.field)).toEqual(expect.arrayContaining(["summary", "description", "priority"]));
    expect(events[1]?.changelog?.items.map((item) => item.field)).toEqual(["status"]);
    const page = await (await fetch(`${datacenter.url}${saved.headers.get("location")}`)).text();
    expect(page).toContain("Onboarding &lt;revamped&gt;");
    expect(page).toContain("Saved: summary, description, priority, status.");
  });

  it("walks to Done with the resolution the transition screen requires", async () => {
    const saved = await post(cloud, "TETH-1", { as: "cara", summary: "Customer onboarding revamp", description: cloud.control.issue("TETH-1").summary, status: "In Review", priority: "High" });
    expect(saved.status).toBe(303);
    const done = await post(cloud, "TETH-1", { as: "cara", summary: "Customer onboarding revamp", description: "", status: "Done", priority: "High" });
    expect(done.status).toBe(303);
    expect(cloud.control.issue("TETH-1").resolutionId).not.toBeNull();
  });

  it("refuses what Jira would refuse, on the page, without writing", async () => {
    const before = cloud.control.webhookEvents().length;
    const unreachable = await post(cloud, "TETH-2", { as: "ben", summary: "x", description: "", status: "No such status", priority: "High" });
    expect(unreachable.status).toBe(400);
    expect(await unreachable.text()).toContain("No transition from the current status to &#39;No such status&#39;.");
    const empty = await post(cloud, "TETH-2", { as: "ben", summary: "  ", description: "", status: "To Do", priority: "High" });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("The summary cannot be empty.");
    expect((await post(cloud, "NOPE-1", { as: "ben", summary: "x", description: "", status: "To Do", priority: "High" })).status).toBe(404);
    expect(cloud.control.webhookEvents().length).toBe(before);
  });
});
