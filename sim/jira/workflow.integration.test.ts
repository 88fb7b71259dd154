import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJiraSim, type JiraSim } from "./index.ts";
import { authFor, json, SimClient } from "./testing/sim-client.ts";

type Transition = { id: string; name: string; to: { name: string }; fields?: Record<string, { required: boolean; allowedValues?: { name: string }[] }> };
type ErrorBody = { errorMessages: string[]; errors: Record<string, string> };
type IssueJson = { fields: Record<string, unknown>; changelog?: { histories: { items: { field: string; fromString?: string; toString?: string }[] }[] } };

describe.each(["cloud", "datacenter"] as const)("workflow and transitions (%s)", (flavor) => {
  let sim: JiraSim;
  let ada: SimClient;
  let key: string;
  const api = flavor === "cloud" ? "/rest/api/3" : "/rest/api/2";
  const transitions = async () => json<{ transitions: Transition[] }>(await ada.get(`${api}/issue/${key}/transitions?expand=transitions.fields`)).transitions;
  const status = async () => (json<IssueJson>(await ada.get(`${api}/issue/${key}?fields=status`)).fields.status as { name: string }).name;

  beforeAll(async () => {
    sim = await startJiraSim({ flavor });
    ada = new SimClient(sim, authFor(sim, "ada"));
    key = json<{ key: string }>(await ada.post("/rest/api/2/issue", { fields: { project: { key: "TETH" }, issuetype: { name: "Task" }, summary: "Walk the workflow" } })).key;
  });
  afterAll(() => sim.stop());

  it("offers only the transitions leaving the current status", async () => {
    expect(await status()).toBe("To Do");
    expect((await transitions()).map((transition) => transition.to.name)).toEqual(["In Progress"]);
  });

  it("refuses a transition that is not available from the current status", async () => {
    const response = await ada.post(`${api}/issue/${key}/transitions`, { transition: { id: "31" } });
    expect(response.status).toBe(400);
    expect(json<ErrorBody>(response).errorMessages).toEqual(["Transition id '31' is not valid for this issue."]);
    expect(await status()).toBe("To Do");
  });

  it("changes status only through transitions, never through edit", async () => {
    const response = await ada.put(`${api}/issue/${key}`, { fields: { status: { name: "Done" } } });
    expect(response.status).toBe(400);
    expect(json<ErrorBody>(response).errors.status).toMatch(/cannot be set/);
  });

  it("walks To Do → In Progress → In Review and shows the Done screen's required field", async () => {
    const before = Date.now();
    expect((await ada.post(`${api}/issue/${key}/transitions`, { transition: { id: "11" } })).status).toBe(204);
    expect((await ada.post(`${api}/issue/${key}/transitions`, { transition: { id: "21" } })).status).toBe(204);
    expect(await status()).toBe("In Review");
    const done = (await transitions()).find((transition) => transition.to.name === "Done");
    expect(done?.fields?.resolution?.required).toBe(true);
    expect(done?.fields?.resolution?.allowedValues?.map((value) => value.name)).toContain("Done");
    const updated = Date.parse((json<IssueJson>(await ada.get(`${api}/issue/${key}?fields=updated`)).fields.updated as string).replace(/([+-]\d\d)(\d\d)$/, "$1:$2"));
    // The sim runs in this process on Date.now() and keeps milliseconds, so no slack is needed.
    expect(updated).toBeGreaterThanOrEqual(before);
    expect(updated).toBeLessThanOrEqual(Date.now());
  });

  it("rejects a transition missing a required screen field, or carrying a field not on the screen", async () => {
    const missing = await ada.post(`${api}/issue/${key}/transitions`, { transition: { id: "31" } });
    expect(missing.status).toBe(400);
    expect(json<ErrorBody>(missing).errors.resolution).toBe("Resolution is required.");
    const offScreen = await ada.post(`${api}/issue/${key}/transitions`, { transition: { id: "31" }, fields: { resolution: { name: "Done" }, summary: "sneaky" } });
    expect(offScreen.status).toBe(400);
    expect(json<ErrorBody>(offScreen).errors.summary).toMatch(/not on the appropriate screen/);
    expect(await status()).toBe("In Review");
  });

  it("completes with the resolution, records the changelog, and reopening clears the resolution", async () => {
    expect((await ada.post(`${api}/issue/${key}/transitions`, { transition: { id: "31" }, fields: { resolution: { name: "Done" } } })).status).toBe(204);
    const done = json<IssueJson>(await ada.get(`${api}/issue/${key}?fields=status,resolution&expand=changelog`));
    expect((done.fields.resolution as { name: string }).name).toBe("Done");
    const statusChanges = done.changelog?.histories.flatMap((history) => history.items.filter((item) => item.field === "status").map((item) => `${item.fromString}→${item.toString}`));
    expect(statusChanges).toEqual(["To Do→In Progress", "In Progress→In Review", "In Review→Done"]);
    expect((await ada.post(`${api}/issue/${key}/transitions`, { transition: { id: "41" } })).status).toBe(204);
    expect(json<IssueJson>(await ada.get(`${api}/issue/${key}?fields=resolution`)).fields.resolution).toBeNull();
  });

  it("deletes an issue with subtasks only when deleteSubtasks=true", async () => {
    const subtaskType = flavor === "cloud" ? "Subtask" : "Sub-task";
    const created = await ada.post("/rest/api/2/issue", { fields: { project: { key: "TETH" }, issuetype: { name: subtaskType }, summary: "Part", parent: { key } } });
    expect(created.status).toBe(201);
    const subtask = json<{ key: string }>(created);
    expect((await ada.delete(`${api}/issue/${key}`)).status).toBe(400);
    expect((await ada.delete(`${api}/issue/${key}?deleteSubtasks=true`)).status).toBe(204);
    expect((await ada.get(`${api}/issue/${subtask.key}`)).status).toBe(404);
  });
});
