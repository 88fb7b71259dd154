import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JiraMapping, MappingImpact, MappingResponse } from "../../../common/contracts/jira-mapping.ts";
import type { UseCaseJiraResponse } from "../../../common/contracts/jira-sync.ts";
import type { UseCase } from "../../../common/contracts/use-cases.ts";
import { setUpSync, syncVariants, type SyncFixture } from "../../testing/jira-sync-fixture.ts";
import { listStatuses } from "../statuses.ts";

type LinkAnswer = { link: NonNullable<UseCaseJiraResponse["link"]> };

/**
 * A Cloud workspace whose connection has a team-managed project (NOVA, the mapping's default) and
 * a company-managed one (TETH) side by side: each has its own Epic type, statuses and fields.
 */
describe("company- and team-managed projects side by side (cloud)", () => {
  let f: SyncFixture;
  beforeAll(async () => {
    f = await setUpSync("cloud", { kind: "team" });
  });
  afterAll(async () => f?.close());

  const statusId = async (name: string) => (await listStatuses(f.app.deps.db, f.workspaceId)).find((s) => s.name === name)!.id;
  const patch = async (useCase: { id: string }, body: Record<string, unknown>) => {
    const current = await f.admin.client.get<{ useCase: UseCase }>(`${f.base}/${useCase.id}`);
    const response = await f.admin.client.patch<{ useCase: UseCase }>(`${f.base}/${useCase.id}`, { ...body, version: current.body.useCase.version });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  };
  const sync = (useCaseId: string) => f.admin.client.post<LinkAnswer>(`${f.base}/${useCaseId}/jira/sync`);

  it("proposes a mapping per project: each Epic type, each story points field, WSJF left out where there is none — and says so", async () => {
    const mapping = f.savedMapping;
    const nova = f.sim.control.store.projectByIdOrKey("NOVA")!;
    const novaScheme = f.sim.control.store.schemeOf(nova.id);
    expect(mapping.projectKey).toBe("NOVA");
    expect(mapping.issueTypeId).toBe(novaScheme.issueTypes.find((t) => t.hierarchyLevel === 1)!.id);
    const teth = mapping.projects?.find((entry) => entry.projectKey === "TETH");
    expect(teth?.issueTypeId).toBe("10000");
    expect(teth?.statusMap.length).toBeGreaterThan(0);
    // Story points: NOVA's own "Story point estimate"; TETH's site-wide field.
    expect(mapping.fields.find((entry) => entry.tetherField === "storyPoints")?.jiraField).toBe(novaScheme.fieldIds.storyPoints);
    expect(teth?.fields).toContainEqual({ tetherField: "storyPoints", jiraField: "customfield_10016" });
    expect(mapping.fields.find((entry) => entry.tetherField === "wsjf")?.jiraField).toBe("customfield_10050");
    expect(mapping.projects?.find((entry) => entry.projectKey === "NOVA")?.fields).toContainEqual({ tetherField: "wsjf", jiraField: null });
    const read = await f.admin.client.get<MappingResponse>(`${f.jiraBase}/mapping`);
    const note = read.body.warnings.find((warning) => warning.code === "field_not_synced_in_project");
    expect(note?.message).toMatch(/wsjf is not synced for Epics in NOVA.*team-managed/);
    const dryRun = await f.admin.client.put<{ impact: MappingImpact }>(`${f.jiraBase}/mapping?dryRun=true`, mapping);
    expect(dryRun.body.impact.notes?.map((n) => n.code)).toContain("field_not_synced_in_project");
  });

  it("reports permissions for both projects", async () => {
    const answer = await f.admin.client.post<{ test: { permissions: { ready: boolean; projects: Array<{ projectKey: string; missingRequired: string[] }> } } }>(`${f.jiraBase}/connection/test`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const tested = answer.body.test;
    expect(tested.permissions.projects.map((p) => [p.projectKey, p.missingRequired])).toEqual([
      ["NOVA", []],
      ["TETH", []],
    ]);
    expect(tested.permissions.ready).toBe(true);
  });

  it("refuses, with an explanation, a mapping whose field one project does not have", async () => {
    // Drop NOVA's "no WSJF here": WSJF → customfield_10050 would be silently unsyncable in NOVA.
    const projects = (f.savedMapping.projects ?? []).map((entry) => (entry.projectKey === "NOVA" ? { ...entry, fields: entry.fields.filter((o) => o.tetherField !== "wsjf") } : entry));
    const refused = await f.admin.client.put<{ error: { code: string; message: string; details: Array<{ code: string; message: string }> } }>(`${f.jiraBase}/mapping?dryRun=true`, { ...f.savedMapping, projects } satisfies JiraMapping);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("mapping_invalid");
    expect(refused.body.error.message).toMatch(/wsjf is mapped to WSJF \(customfield_10050\), which project NOVA does not have \(a team-managed project, with its own fields\)/);
    // And an Epic type of the other project is not valid in NOVA.
    const wrongType = (f.savedMapping.projects ?? []).map((entry) => (entry.projectKey === "TETH" ? { ...entry, issueTypeId: f.savedMapping.issueTypeId } : entry));
    const typeRefused = await f.admin.client.put<{ error: { message: string } }>(`${f.jiraBase}/mapping?dryRun=true`, { ...f.savedMapping, projects: wrongType });
    expect(typeRefused.body.error.message).toContain("does not exist in project TETH (a company-managed project)");
  });

  it("creates, pushes and pulls Epics in both projects, each with its own fields, statuses and workflow", async () => {
    const wsjfInputs = { businessValue: 8, timeCriticality: 5, riskReduction: 3, jobSize: 2 };
    const inNova = await f.createUseCase({ title: "Nova epic", storyPoints: 5, ...wsjfInputs });
    const inTeth = await f.createUseCase({ title: "Teth epic", storyPoints: 8, ...wsjfInputs });
    const nova = await f.link(inNova.id, { create: true });
    const teth = await f.link(inTeth.id, { create: true, projectKey: "TETH" });
    expect([nova.status, teth.status], JSON.stringify([nova.body, teth.body])).toEqual([201, 201]);
    const novaIssue = f.sim.control.issue(nova.body.link.issueKey!);
    const tethIssue = f.sim.control.issue(teth.body.link.issueKey!);
    expect([novaIssue.key.split("-")[0], tethIssue.key.split("-")[0]]).toEqual(["NOVA", "TETH"]);
    const novaFields = f.sim.control.store.schemeOf(novaIssue.projectId).fieldIds;
    expect(novaIssue.custom[novaFields.storyPoints]).toBe(5);
    expect(tethIssue.custom.customfield_10016).toBe(8);
    expect(novaIssue.custom.customfield_10050).toBeUndefined();
    expect(tethIssue.custom.customfield_10050).toBeGreaterThan(0);
    // Status: NOVA's own Done through its workflow; TETH's through In Review with a resolution.
    await patch(inNova, { statusId: await statusId("Done") });
    await patch(inTeth, { statusId: await statusId("Done") });
    const doneIn = (key: string) => f.sim.control.store.schemeOf(f.sim.control.issue(key).projectId).statuses.find((s) => s.name === "Done")!.id;
    await expect.poll(() => f.sim.control.issue(novaIssue.key).statusId, { timeout: 10_000 }).toBe(doneIn(novaIssue.key));
    await expect.poll(() => f.sim.control.issue(tethIssue.key).statusId, { timeout: 10_000 }).toBe(doneIn(tethIssue.key));
    // Pull: a Jira edit of NOVA's own story points field comes back.
    f.sim.control.editIssue("cara", novaIssue.key, { fields: { [novaFields.storyPoints]: 13 } });
    expect((await sync(inNova.id)).status).toBe(200);
    const after = await f.admin.client.get<{ useCase: UseCase }>(`${f.base}/${inNova.id}`);
    expect(after.body.useCase.storyPoints).toBe(13);
    // Unmapped project: refused with what to do.
    const other = await f.createUseCase({ title: "Elsewhere" });
    expect((await f.link(other.id, { create: true, projectKey: "PLAT" })).body.error?.code).toBe("jira_project_not_mapped");
  });

  it("imports Epics of both projects, each read with its own project's fields", async () => {
    const novaEpic = f.sim.control.issue("NOVA-7");
    const points = f.sim.control.store.schemeOf(novaEpic.projectId).fieldIds.storyPoints;
    f.sim.control.editIssue("ada", "NOVA-7", { fields: { [points]: 21 } });
    const tethEpic = f.sim.control.createIssue("ada", { project: { key: "TETH" }, issuetype: { id: "10000" }, summary: "Imported from TETH", customfield_10016: 2 });
    const started = await f.admin.client.post<{ id: string }>(`${f.jiraBase}/import`, { issueKeys: ["NOVA-7", tethEpic.key] });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    await expect.poll(async () => (await f.admin.client.get<{ state: string }>(`${f.jiraBase}/import/${started.body.id}`)).body.state, { timeout: 15_000 }).toBe("done");
    const links = await f.app.deps.db.selectFrom("jira_links").innerJoin("use_cases", "use_cases.id", "jira_links.use_case_id").select(["jira_links.issue_key", "jira_links.project_key", "use_cases.story_points"]).where("jira_links.workspace_id", "=", f.workspaceId).where("jira_links.issue_key", "in", ["NOVA-7", tethEpic.key]).orderBy("jira_links.issue_key").execute();
    expect(links.map((l) => [l.issue_key, l.project_key, Number(l.story_points)])).toEqual([
      ["NOVA-7", "NOVA", 21],
      [tethEpic.key, "TETH", 2],
    ]);
  });

  it("links an existing Epic of the other project and syncs it with that project's mapping", async () => {
    const epic = f.sim.control.createIssue("ada", { project: { key: "TETH" }, issuetype: { id: "10000" }, summary: "Made in TETH" });
    const useCase = await f.createUseCase({ title: "Linked across kinds", storyPoints: 3 });
    const linked = await f.link(useCase.id, { issueKey: epic.key });
    expect(linked.status, JSON.stringify(linked.body)).toBe(201);
    await expect.poll(() => f.sim.control.issue(epic.key).custom.customfield_10016, { timeout: 10_000 }).toBe(3);
  });
});

/** A linked Epic that disappears: hidden by an issue security level vs deleted — every flavour and project kind. */
describe.each(syncVariants)("a linked Epic that disappears ($flavor, $kind-managed project)", ({ flavor, kind }) => {
  let f: SyncFixture;
  beforeAll(async () => {
    f = await setUpSync(flavor, { kind, worker: false, prefix: `gone-${flavor}-${kind}` });
  });
  afterAll(async () => f?.close());
  const sync = (useCaseId: string) => f.admin.client.post<LinkAnswer>(`${f.base}/${useCaseId}/jira/sync`);

  it("says 'no longer visible' (not 'deleted') when a security level hides it, keeps the link, and recovers when it is visible again", async () => {
    const useCase = await f.createUseCase({ title: "Secret epic" });
    const key = (await f.link(useCase.id, { create: true })).body.link.issueKey!;
    f.sim.control.setIssueSecurity(key, "Legal only");
    const hidden = (await sync(useCase.id)).body.link;
    expect(hidden).toMatchObject({ state: "broken", stateCode: "jira_issue_not_visible", issueKey: key });
    expect(hidden.stateReason).toMatch(/security level/);
    expect(hidden.stateReason).toContain(`project ${f.projectKey} is still visible`);
    expect((await f.admin.client.get(`${f.base}/${useCase.id}`)).status).toBe(200);
    f.sim.control.setIssueSecurity(key, null);
    expect((await sync(useCase.id)).body.link).toMatchObject({ state: "ok", issueKey: key });
  });

  it("says 'deleted' only when Jira's delete webhook said so", async () => {
    const useCase = await f.createUseCase({ title: "Deleted epic" });
    const link = (await f.link(useCase.id, { create: true })).body.link;
    f.sim.control.deleteIssue("ada", link.issueKey!);
    // The delivery as the webhook route stores it (the worker is off here, so nothing else runs).
    await f.app.deps.db.insertInto("jira_webhook_deliveries").values({ workspace_id: f.workspaceId, identifier: `deleted-${link.id}`, event: "jira:issue_deleted", issue_id: link.issueId, issue_key: link.issueKey, signed: true }).execute();
    const broken = (await sync(useCase.id)).body.link;
    expect(broken).toMatchObject({ state: "broken", stateCode: "issue_deleted" });
    expect(broken.stateReason).toContain("was deleted in Jira");
  });
});

/** A team-managed project added to the connection after the mapping was saved (the README's "add it to the connection's projects"). */
describe("a project added to the connection after the mapping was saved (cloud)", () => {
  let f: SyncFixture;
  beforeAll(async () => {
    f = await setUpSync("cloud", { worker: false, prefix: "added-project" });
  });
  afterAll(async () => f?.close());

  it("is refused for linking until the mapping covers it, and the mapping shows its proposed entry to save", async () => {
    const connection = { kind: "cloud", baseUrl: f.sim.url, accountName: "ada@tether.example", projectKeys: ["TETH", "NOVA"] };
    expect((await f.admin.client.put(`${f.jiraBase}/connection`, connection)).status).toBe(200);
    expect((await f.admin.client.post(`${f.jiraBase}/metadata/refresh`)).status).toBe(200);
    const useCase = await f.createUseCase({ title: "Nova Epic" });
    const refused = await f.link(useCase.id, { issueKey: "NOVA-7" });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: { code: "jira_project_not_mapped" } });
    expect(JSON.stringify(refused.body)).toMatch(/NOVA.*Mapping/);

    const shown = await f.admin.client.get<MappingResponse>(`${f.jiraBase}/mapping`);
    expect(shown.body.saved).toBe(true);
    const nova = shown.body.mapping.projects?.find((entry) => entry.projectKey === "NOVA");
    const novaScheme = f.sim.control.store.schemeOf(f.sim.control.store.projectByIdOrKey("NOVA")!.id);
    expect(nova?.issueTypeId).toBe(novaScheme.issueTypes.find((type) => type.hierarchyLevel === 1)!.id);
    expect(nova?.statusMap.map((row) => row.jiraStatusId).every((id) => novaScheme.statuses.some((status) => status.id === id))).toBe(true);
    expect(nova?.statusMap.length).toBeGreaterThan(0);

    const saved = await f.admin.client.put(`${f.jiraBase}/mapping`, { ...shown.body.mapping, version: shown.body.version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const linked = await f.link(useCase.id, { issueKey: "NOVA-7" });
    expect(linked.status, JSON.stringify(linked.body)).toBe(201);
    expect(linked.body.link).toMatchObject({ issueKey: "NOVA-7", projectKey: "NOVA", state: "ok" });
  });
});
