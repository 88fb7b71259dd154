import { describe, expect, test } from "vitest";
import { JiraMetadata } from "../../../common/contracts/jira-metadata.ts";
import { summariseMetadata } from "./metadata-summary.ts";

// Parsed with the contract, so the fixture cannot drift from what the server sends.
const metadata = JiraMetadata.parse({
  fetchedAt: "2026-11-28T07:00:00.000Z",
  projects: [
    { id: "10000", key: "TETH", name: "Tether Demo" },
    { id: "10001", key: "PLAT", name: "Platform" },
  ],
  fields: [
    { id: "summary", name: "Summary", custom: false, schema: null },
    { id: "customfield_10016", name: "Story Points", custom: true, schema: null },
  ],
  fieldRoles: { epicLink: null, epicName: null, storyPoints: "customfield_10016", sprint: "customfield_10020" },
  priorities: [{ id: "1", name: "High" }],
  statuses: [],
  linkTypes: [{ id: "1", name: "Blocks", inward: "is blocked by", outward: "blocks" }],
  projectDetails: {
   TETH: {
    project: { id: "10000", key: "TETH", name: "Tether Demo", projectTypeKey: "software" },
    issueTypes: [
      { id: "10001", name: "Story", subtask: false, hierarchyLevel: 0 },
      { id: "10000", name: "Epic", subtask: false, hierarchyLevel: 1 },
    ],
    epicTypeId: "10000",
    statuses: [
      { issueTypeId: "10001", issueTypeName: "Story", statuses: [{ id: "1", name: "To Do", categoryKey: "new" }, { id: "3", name: "Done", categoryKey: "done" }] },
      { issueTypeId: "10000", issueTypeName: "Epic", statuses: [{ id: "1", name: "To Do", categoryKey: "new" }] },
    ],
    boards: [{ id: 1, name: "TETH board", type: "scrum", projectKey: "TETH", sprints: [{ id: 7, name: "Sprint 7", state: "active", startDate: null, endDate: null, originBoardId: 1, goal: null }] }],
   },
  },
});

describe("Jira metadata summary", () => {
  test("counts what was pulled and marks the Epic type of each selected project", () => {
    const summary = summariseMetadata(metadata, ["TETH"]);
    expect(summary).toMatchObject({ projectCount: 2, fieldCount: 2, customFieldCount: 1, priorityCount: 1, linkTypeCount: 1 });
    expect(summary.fieldRoles).toEqual({ epicLink: null, epicName: null, storyPoints: "customfield_10016", sprint: "customfield_10020" });
    const teth = summary.projects[0]?.details;
    expect(teth?.issueTypes.filter((t) => t.isEpic).map((t) => t.name)).toEqual(["Epic"]);
    expect(teth?.statuses.map((s) => s.name)).toEqual(["To Do", "Done"]);
    expect(teth?.boards[0]).toEqual({ id: "1", name: "TETH board", type: "scrum", sprints: [{ id: "7", name: "Sprint 7", state: "active" }] });
  });

  test("a selected project missing from the cache, or an empty cache, is reported as unknown rather than failing", () => {
    expect(summariseMetadata(metadata, ["PLAT"]).projects).toEqual([{ key: "PLAT", details: null }]);
    const summary = summariseMetadata(null, ["TETH", "PLAT"]);
    expect(summary.projectCount).toBeNull();
    expect(summary.fieldRoles).toBeNull();
    expect(summary.projects).toEqual([
      { key: "TETH", details: null },
      { key: "PLAT", details: null },
    ]);
  });
});
