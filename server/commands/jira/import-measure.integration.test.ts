import { afterAll, beforeAll, expect, it } from "vitest";
import type { SyncJobProgress } from "../../../common/contracts/jira-reconcile.ts";
import { eventually, setUpSync, type SyncFixture } from "../../testing/jira-sync-fixture.ts";

let f: SyncFixture;
beforeAll(async () => {
  f = await setUpSync("cloud", { prefix: "import-measure" });
});
afterAll(async () => f.close());

it("imports 1,000 Epics", async () => {
  for (let i = 0; i < 1000; i += 1) f.sim.control.createIssue("ada", { project: { key: "TETH" }, issuetype: { id: f.mapping.issueTypeId }, summary: `Bulk epic ${i}`, labels: ["bulk"] });
  const t0 = Date.now();
  const started = await f.admin.client.post<SyncJobProgress>(`${f.jiraBase}/import`, { jql: "labels = bulk" });
  const done = await eventually(async () => {
    const p = await f.admin.client.get<SyncJobProgress>(`${f.jiraBase}/import/${started.body.id}`);
    expect(p.body.state).toBe("done");
    return p.body;
  }, 120_000);
  console.info(JSON.stringify({ ...done, ms: Date.now() - t0 }));
  const t1 = Date.now();
  const again = await f.admin.client.post<SyncJobProgress>(`${f.jiraBase}/import`, { jql: "labels = bulk" });
  const second = await eventually(async () => {
    const p = await f.admin.client.get<SyncJobProgress>(`${f.jiraBase}/import/${again.body.id}`);
    expect(p.body.state).toBe("done");
    return p.body;
  }, 120_000);
  console.info(JSON.stringify({ ...second, ms: Date.now() - t1 }));
}, 300_000);
