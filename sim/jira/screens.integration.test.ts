import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJiraSim, type JiraSim } from "./index.ts";
import { storeFromSnapshot } from "./seed/snapshot.ts";
import { authFor, json, SimClient } from "./testing/sim-client.ts";

type ErrorBody = { errorMessages: string[]; errors: Record<string, string> };
type MetaField = { required: boolean; name: string; key?: string; fieldId?: string; schema: { type: string; custom?: string }; operations: string[]; allowedValues?: { id: string; name?: string; value?: string }[] };
type CreateMeta = { startAt: number; maxResults: number; total: number; fields?: MetaField[]; values?: MetaField[]; isLast?: boolean };

describe.each(["cloud", "datacenter"] as const)("create and edit screens (%s)", (flavor) => {
  let sim: JiraSim;
  let ada: SimClient;
  let control: SimClient;
  let key: string;
  const api = flavor === "cloud" ? "/rest/api/3" : "/rest/api/2";
  const cloud = flavor === "cloud";
  const ids = () => sim.control.store.catalog.customFieldIds;
  const taskTypeId = () => sim.control.store.catalog.issueTypes.find((type) => type.name === "Task")?.id ?? "";
  const epicTypeId = () => sim.control.store.catalog.issueTypes.find((type) => type.hierarchyLevel === 1)?.id ?? "";
  const createMeta = async (typeId: string, query = "") => {
    const body = json<CreateMeta>(await ada.get(`${api}/issue/createmeta/TETH/issuetypes/${typeId}${query}`));
    return { ...body, list: (cloud ? body.fields : body.values) ?? [] };
  };
  const notOnScreen = (fieldId: string) => `Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.`;

  beforeAll(async () => {
    sim = await startJiraSim({ flavor });
    ada = new SimClient(sim, authFor(sim, "ada"));
    control = new SimClient(sim, null);
    key = json<{ key: string }>(await ada.post("/rest/api/2/issue", { fields: { project: { key: "TETH" }, issuetype: { name: "Task" }, summary: "Screens" } })).key;
  });
  afterAll(() => sim.stop());

  it("describes the edit screen with required flags, schemas, operations and allowed values", async () => {
    const { fields } = json<{ fields: Record<string, MetaField> }>(await ada.get(`${api}/issue/${key}/editmeta`));
    expect(fields.summary).toMatchObject({ required: true, name: "Summary", operations: ["set"], schema: { type: "string", system: "summary" } });
    expect(fields.labels?.operations).toEqual(["add", "set", "remove"]);
    expect(fields[ids().storyPoints]?.schema.type).toBe("number");
    expect(fields[ids().wsjf]).toMatchObject({ name: "WSJF", required: false });
    expect(fields.duedate?.schema.type).toBe("date");
    expect(fields.priority?.allowedValues?.length).toBe(5);
    expect(fields[ids().riskLevel], "Risk Level is on the create screen only").toBeUndefined();
    expect(fields.status).toBeUndefined();
    expect(cloud ? fields.summary?.key : fields.summary?.fieldId).toBe("summary");
  });

  it("describes the create screen, paged, with option values and the required fields", async () => {
    const meta = await createMeta(taskTypeId());
    expect(meta.startAt).toBe(0);
    expect(meta.total).toBe(meta.list.length);
    const byId = new Map(meta.list.map((field) => [field.fieldId ?? field.key ?? "", field]));
    expect(byId.get("summary")?.required).toBe(true);
    expect(byId.get("project")?.required).toBe(true);
    expect(byId.get(ids().riskLevel)?.allowedValues?.map((option) => option.value)).toEqual(["Low", "Medium", "High"]);
    const page = await createMeta(taskTypeId(), "?startAt=2&maxResults=3");
    expect(page.list.map((field) => field.fieldId)).toEqual(meta.list.slice(2, 5).map((field) => field.fieldId));
    if (!cloud) expect(page.isLast).toBe(false);
  });

  it("shows Epic Name as required on the Data Center Epic create screen and enforces it", async () => {
    const meta = await createMeta(epicTypeId());
    const epicName = meta.list.find((field) => field.fieldId === ids().epicName);
    if (cloud) {
      expect(epicName).toBeUndefined();
      return;
    }
    expect(epicName?.required).toBe(true);
    const response = await ada.post(`${api}/issue`, { fields: { project: { key: "TETH" }, issuetype: { id: epicTypeId() }, summary: "No name" } });
    expect(response.status).toBe(400);
    expect(json<ErrorBody>(response)).toEqual({ errorMessages: [], errors: { [ids().epicName ?? ""]: "Epic Name is required." } });
  });

  it("refuses an edit of a field not on the edit screen, even with an empty value", async () => {
    for (const value of [{ value: "High" }, null]) {
      const response = await ada.put(`${api}/issue/${key}`, { fields: { [ids().riskLevel]: value } });
      expect(response.status).toBe(400);
      expect(json<ErrorBody>(response)).toEqual({ errorMessages: [], errors: { [ids().riskLevel]: notOnScreen(ids().riskLevel) } });
    }
    const update = await ada.put(`${api}/issue/${key}`, { update: { [ids().riskLevel]: [{ set: null }] } });
    expect(json<ErrorBody>(update).errors[ids().riskLevel]).toBe(notOnScreen(ids().riskLevel));
  });

  it("refuses clearing a required field on edit", async () => {
    const response = await ada.put(`${api}/issue/${key}`, { fields: { summary: "" } });
    expect(response.status).toBe(400);
    expect(Object.keys(json<ErrorBody>(response).errors)).toEqual(["summary"]);
  });

  it("lets the control API take a field off a screen, make one required, and put it back", async () => {
    const removed = await control.delete(`/_sim/screens/TETH/Task/edit/fields/${ids().wsjf}`);
    expect(removed.status).toBe(200);
    const refused = await ada.put(`${api}/issue/${key}`, { fields: { [ids().wsjf]: 12 } });
    expect(json<ErrorBody>(refused).errors).toEqual({ [ids().wsjf]: notOnScreen(ids().wsjf) });
    const { fields } = json<{ fields: Record<string, MetaField> }>(await ada.get(`${api}/issue/${key}/editmeta`));
    expect(fields[ids().wsjf]).toBeUndefined();

    expect((await control.put(`/_sim/screens/TETH/Task/edit/fields/${ids().wsjf}`, {})).status).toBe(200);
    expect((await ada.put(`${api}/issue/${key}`, { fields: { [ids().wsjf]: 12 } })).status).toBe(204);

    expect((await control.put(`/_sim/screens/TETH/${taskTypeId()}/create/fields/duedate`, { required: true })).status).toBe(200);
    const missing = await ada.post(`${api}/issue`, { fields: { project: { key: "TETH" }, issuetype: { name: "Task" }, summary: "No due date" } });
    expect(json<ErrorBody>(missing)).toEqual({ errorMessages: [], errors: { duedate: "Due date is required." } });
    const screens = json<{ create: { fieldId: string; required: boolean }[] }>(await control.get("/_sim/screens/TETH/Task"));
    expect(screens.create.find((entry) => entry.fieldId === "duedate")?.required).toBe(true);
    const project = sim.control.store.projectByIdOrKey("TETH")?.id ?? "";
    const restored = storeFromSnapshot(sim.control.snapshot(), flavor).screensFor(project, taskTypeId());
    expect(restored.create.find((entry) => entry.fieldId === "duedate")?.required, "snapshots keep changed screens").toBe(true);
    await control.put(`/_sim/screens/TETH/Task/create/fields/duedate`, { required: false });
  });

  it("refuses a create carrying a field not on the create screen", async () => {
    const response = await ada.post(`${api}/issue`, { fields: { project: { key: "TETH" }, issuetype: { name: "Task" }, summary: "Resolved?", resolution: { name: "Done" } } });
    expect(response.status).toBe(400);
    expect(json<ErrorBody>(response).errors).toEqual({ resolution: notOnScreen("resolution") });
  });

  it("keeps control-API edits free of screens, like an admin's bulk change", async () => {
    const response = await control.put(`/_sim/issues/${key}`, { as: "ada", fields: { [ids().riskLevel]: { value: "High" } } });
    expect(response.status).toBe(204);
  });
});
