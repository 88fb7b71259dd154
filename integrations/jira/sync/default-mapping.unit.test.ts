import { describe, expect, it } from "vitest";
import { defaultMapping } from "./default-mapping.ts";
import type { SyncMetadata } from "./mapping-metadata.ts";

const metadata = (priorities: Array<{ id: string; name: string }>): SyncMetadata => ({
  fields: [
    { id: "duedate", name: "Due date", custom: false, schema: { type: "date", custom: null, customId: null, items: null, system: "duedate" } },
    { id: "labels", name: "Labels", custom: false, schema: { type: "array", custom: null, customId: null, items: "string", system: "labels" } },
    { id: "customfield_1", name: "WSJF score", custom: true, schema: { type: "number", custom: "float", customId: 1, items: null, system: null } },
  ],
  fieldRoles: { epicLink: null, epicName: null, storyPoints: "customfield_2", sprint: null },
  priorities,
  statuses: [],
  projectDetails: {
    TETH: {
      project: { id: "1", key: "TETH", name: "T", projectTypeKey: "software" },
      issueTypes: [{ id: "10000", name: "Epic", subtask: false, hierarchyLevel: 1 }],
      epicTypeId: "10000",
      statuses: [
        {
          issueTypeId: "10000",
          issueTypeName: "Epic",
          statuses: [
            { id: "1", name: "To Do", categoryKey: "new" },
            { id: "3", name: "In Progress", categoryKey: "indeterminate" },
            { id: "5", name: "Done", categoryKey: "done" },
          ],
        },
      ],
      boards: [],
    },
  },
});
const tether = [
  { id: "a", name: "Idea", category: "todo" },
  { id: "b", name: "In delivery", category: "in_progress" },
  { id: "c", name: "Done", category: "done" },
  { id: "d", name: "Rejected", category: "stopped" },
];

describe("the proposed mapping", () => {
  it("maps the Epic type, the usual fields, statuses by name then category, with one preferred per Jira status", () => {
    const mapping = defaultMapping(metadata([]), "TETH", tether);
    expect(mapping.issueTypeId).toBe("10000");
    expect(mapping.fields.map((f) => [f.tetherField, f.jiraField, f.direction])).toContainEqual(["storyPoints", "customfield_2", "both"]);
    expect(mapping.fields.map((f) => [f.tetherField, f.direction])).toContainEqual(["wsjf", "to_jira"]);
    expect(mapping.statusMap).toEqual([
      { tetherStatusId: "a", jiraStatusId: "1", preferred: true },
      { tetherStatusId: "b", jiraStatusId: "3", preferred: true },
      { tetherStatusId: "c", jiraStatusId: "5", preferred: true },
      { tetherStatusId: "d", jiraStatusId: "5", preferred: false },
    ]);
  });

  it("maps priorities by name, else by rank (Data Center's Blocker…Trivial)", () => {
    const cloud = defaultMapping(metadata([{ id: "1", name: "Highest" }, { id: "2", name: "High" }, { id: "3", name: "Medium" }, { id: "4", name: "Low" }, { id: "5", name: "Lowest" }]), "TETH", tether);
    expect(cloud.priorityMap.find((p) => p.priority === "high")?.jiraPriorityId).toBe("2");
    const dc = defaultMapping(metadata([{ id: "1", name: "Blocker" }, { id: "2", name: "Critical" }, { id: "3", name: "Major" }, { id: "4", name: "Minor" }, { id: "5", name: "Trivial" }]), "TETH", tether);
    expect(dc.priorityMap.map((p) => [p.priority, p.jiraPriorityId])).toEqual([["lowest", "5"], ["low", "4"], ["medium", "3"], ["high", "2"], ["highest", "1"]]);
  });
});
