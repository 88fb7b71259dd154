import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportPreview, SyncJobProgress } from "../../../common/contracts/jira-reconcile.ts";
import type { UseCase } from "../../../common/contracts/use-cases.ts";
import { eventually, setUpSync, type SyncFixture } from "../../testing/jira-sync-fixture.ts";
import { reconcileWorkspace } from "./reconcile.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("import of existing Epics (Cloud simulator, real worker)", () => {
  let f: SyncFixture;
  let preview: ImportPreview;

  const runImport = async (body: unknown) => {
    const started = await f.admin.client.post<SyncJobProgress>(`${f.jiraBase}/import`, body);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    return eventually(async () => {
      const progress = await f.admin.client.get<SyncJobProgress>(`${f.jiraBase}/import/${started.body.id}`);
      expect(progress.body.state, JSON.stringify(progress.body)).toBe("done");
      return progress.body;
    }, 20_000);
  };
  const useCases = async () => (await f.admin.client.get<{ useCases: UseCase[] }>(`${f.base}?limit=100`)).body.useCases;

  beforeAll(async () => {
    f = await setUpSync("cloud", { prefix: "import" });
    f.sim.control.setFaults({ webhooks: { dropRate: 1 } });
  });
  afterAll(async () => f.close());

  it("previews the Epics a JQL selects, none linked yet", async () => {
    const response = await f.admin.client.post<ImportPreview>(`${f.jiraBase}/import/preview`, { jql: "project = TETH ORDER BY key DESC" });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    preview = response.body;
    expect(preview.epics.length).toBeGreaterThan(1);
    expect(preview.epics.every((e) => !e.linked && e.summary.length > 0)).toBe(true);
    for (const epic of preview.epics) expect(f.sim.control.issue(epic.issueKey).issueTypeId).toBe(f.mapping.issueTypeId);
    const bad = await f.admin.client.post<{ error: { code: string } }>(`${f.jiraBase}/import/preview`, { jql: "project = = TETH" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("validation_failed");
  });

  it("creates and links one use case per Epic, writes nothing to Jira, and links nothing twice", async () => {
    f.sim.control.clearWriteCounts();
    const first = await runImport({ jql: "project = TETH" });
    expect(first).toMatchObject({ total: preview.epics.length, done: preview.epics.length, skipped: 0, failed: 0 });
    const created = await useCases();
    expect(created).toHaveLength(preview.epics.length);
    const numbers = created.map((u) => u.number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(numbers.length);
    const epic = preview.epics[0]!;
    const match = created.find((u) => u.title === epic.summary);
    expect(match, "title ← summary").toBeDefined();
    expect(match!.description).toContain("Acceptance: works for every workspace.");

    const again = await runImport({ issueKeys: preview.epics.map((e) => e.issueKey) });
    expect(again).toMatchObject({ done: 0, skipped: preview.epics.length });
    expect(await useCases()).toHaveLength(preview.epics.length);
    const links = await f.app.deps.db.selectFrom("jira_links").select(["issue_id", "state"]).where("workspace_id", "=", f.workspaceId).execute();
    expect(links).toHaveLength(preview.epics.length);
    expect(links.every((l) => l.state === "ok")).toBe(true);
    const relisted = await f.admin.client.post<ImportPreview>(`${f.jiraBase}/import/preview`, { jql: "project = TETH" });
    expect(relisted.body.epics.every((e) => e.linked)).toBe(true);

    // A re-sync of every imported link agrees with Jira: nothing is pushed back.
    const resync = await f.admin.client.post<SyncJobProgress>(`${f.jiraBase}/resync`);
    expect(resync.status).toBe(202);
    await eventually(async () => expect((await f.admin.client.get<{ resync: SyncJobProgress }>(`${f.jiraBase}/resync`)).body.resync.state).toBe("done"), 20_000);
    expect(f.sim.control.writesPerIssue()).toEqual({});
  });

  it("finds an edit the search index had not seen at the previous run (old Epic, lagging index)", async () => {
    const epic = preview.epics[1]!;
    const useCase = (await useCases()).find((u) => u.title === epic.summary)!;
    await reconcileWorkspace(f.app.deps, f.workspaceId);
    f.sim.control.setFaults({ searchIndexLagMs: 1500 });
    try {
      f.sim.control.editIssue("ben", epic.issueKey, { fields: { summary: "Edited while the index lags" } });
      // The index still shows the Epic as last updated long ago: this run cannot see the edit…
      const early = await reconcileWorkspace(f.app.deps, f.workspaceId);
      expect(early.changed).toBe(0);
      await sleep(1700);
      // …and the cursor has moved past the edit, yet the overlap keeps it in the next window.
      const late = await reconcileWorkspace(f.app.deps, f.workspaceId);
      expect(late.changed).toBe(1);
    } finally {
      f.sim.control.setFaults({ searchIndexLagMs: 0 });
    }
    await eventually(async () => expect((await f.admin.client.get<{ useCase: UseCase }>(`${f.base}/${useCase.id}`)).body.useCase.title).toBe("Edited while the index lags"));
  });
});
