import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JiraSim } from "../../../sim/jira/index.ts";
import { JiraError } from "./errors.ts";
import type { JiraClient } from "./jira-client.ts";
import { clientFor, createJiraClientWithPassword, type Flavor, startSim } from "./testing/sim-clients.ts";

describe.each<Flavor>(["cloud", "datacenter"])("screens and issue properties against the %s simulator", (flavor) => {
  let sim: JiraSim;
  let ada: JiraClient;
  let key: string;
  let taskTypeId: string;
  const ids = () => sim.control.store.catalog.customFieldIds;

  beforeAll(async () => {
    sim = await startSim(flavor);
    ada = clientFor(sim, "ada");
    taskTypeId = (await ada.issueTypesForProject("TETH")).find((type) => type.name === "Task")?.id ?? "";
    key = (await ada.createIssue({ projectKey: "TETH", issueTypeId: taskTypeId, summary: "Screens through the client" })).key;
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it("reads the edit screen as typed fields", async () => {
    const fields = await ada.editMeta(key);
    const byId = new Map(fields.map((field) => [field.id, field]));
    expect(byId.get("summary")).toMatchObject({ name: "Summary", required: true, schemaType: "string", custom: false, operations: ["set"], allowedValues: null });
    expect(byId.get("labels")).toMatchObject({ schemaType: "array", schemaItems: "string", operations: ["add", "set", "remove"] });
    expect(byId.get(ids().storyPoints)).toMatchObject({ custom: true, schemaType: "number", required: false });
    expect(byId.get(ids().wsjf)?.schemaType).toBe("number");
    expect(byId.get("duedate")?.schemaType).toBe("date");
    expect(byId.get("priority")?.allowedValues?.map((value) => value.name)).toHaveLength(5);
    expect(byId.has(ids().riskLevel)).toBe(false);
    expect(await clientFor(sim, "eve").editMeta(key), "no Edit Issues, empty edit screen").toEqual([]);
  });

  it("reads the create screen with option values and required fields", async () => {
    const fields = await ada.createMeta("TETH", taskTypeId);
    const byId = new Map(fields.map((field) => [field.id, field]));
    expect(byId.get("project")?.required).toBe(true);
    expect(byId.get(ids().riskLevel)?.allowedValues).toEqual([
      { id: "10100", name: null, value: "Low" },
      { id: "10101", name: null, value: "Medium" },
      { id: "10102", name: null, value: "High" },
    ]);
    const epic = await ada.epicIssueType("TETH");
    const epicFields = await ada.createMeta("TETH", epic?.id ?? "");
    const epicName = epicFields.find((field) => field.id === ids().epicName);
    expect(epicName?.required ?? null).toBe(flavor === "datacenter" ? true : null);
  });

  it("surfaces Jira's 'not on the screen' refusal as a VALIDATION error naming the field", async () => {
    const error = await ada.editIssue(key, { fields: { [ids().riskLevel]: null } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(JiraError);
    expect((error as JiraError).code).toBe("VALIDATION");
    expect((error as JiraError).fieldErrors).toEqual({
      [ids().riskLevel]: `Field '${ids().riskLevel}' cannot be set. It is not on the appropriate screen, or unknown.`,
    });
  });

  it("reads and writes issue properties; absent is null, other failures throw", async () => {
    expect(await ada.getIssueProperty(key, "tether.link")).toBeNull();
    await ada.setIssueProperty(key, "tether.link", { useCaseId: "uc-1", workspace: 7 });
    expect(await ada.getIssueProperty(key, "tether.link")).toEqual({ useCaseId: "uc-1", workspace: 7 });
    await ada.setIssueProperty(key, "tether.link", "replaced");
    expect(await ada.getIssueProperty(key, "tether.link")).toBe("replaced");
    const forbidden = await clientFor(sim, "eve").setIssueProperty(key, "tether.link", 1).catch((caught: unknown) => caught);
    expect((forbidden as JiraError).code).toBe("FORBIDDEN");
    const unauthorized = await createJiraClientWithPassword(sim, "ada", "wrong").getIssueProperty(key, "tether.link").catch((caught: unknown) => caught);
    expect((unauthorized as JiraError).code).toBe("UNAUTHORIZED");
  });

  it("passes reconcileIssues so a just-written issue is found while Cloud's index lags", async () => {
    sim.control.setFaults({ searchIndexLagMs: 60_000 });
    try {
      const created = await ada.createIssue({ projectKey: "TETH", issueTypeId: taskTypeId, summary: "Reconcile me", labels: ["reconcile-me"] });
      const lagging = await ada.searchIssuesPage("labels = reconcile-me");
      const reconciled = await ada.searchIssuesPage("labels = reconcile-me", { reconcileIssues: [created.id] });
      expect(reconciled.issues.map((issue) => issue.key)).toEqual([created.key]);
      // Data Center's index is immediate and has no reconcileIssues: found either way.
      expect(lagging.issues.map((issue) => issue.key)).toEqual(flavor === "cloud" ? [] : [created.key]);
    } finally {
      sim.control.setFaults({ searchIndexLagMs: 0 });
    }
  });
});
