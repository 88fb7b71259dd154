import { describe, expect, test } from "vitest";
import type { JiraFieldMeta } from "../../../common/contracts/jira-metadata.ts";
import { ApiError } from "../../api/client.ts";
import { bodyOf, compatibleJiraFields, draftFrom, localProblems, markPreferred, placeProblems, problemsOfError } from "./mapping-draft.ts";

const field = (id: string, name: string, type: string, custom = id.startsWith("customfield_"), items: string | null = null): JiraFieldMeta => ({
  id,
  name,
  custom,
  schema: { type, custom: null, customId: null, items, system: custom ? null : id },
});
const fields = [
  field("summary", "Summary", "string"),
  field("duedate", "Due date", "date"),
  field("labels", "Labels", "array", false, "string"),
  field("customfield_10016", "Story points", "number"),
  field("customfield_10020", "Sprint", "array", true, "json"),
  field("customfield_10030", "Launch", "datetime"),
];
const base = { projectKey: "TETH", issueTypeId: "10000", statusMap: [], priorityMap: [], userMap: [], conflictPolicy: "newest_wins" as const };

describe("mapping draft", () => {
  test("offers only Jira fields of a type the Tether field can hold, system and custom apart", () => {
    expect(compatibleJiraFields("storyPoints", fields, "")).toEqual([{ group: "Custom fields", items: [{ value: "customfield_10016", label: "Story points (customfield_10016)" }] }]);
    expect(compatibleJiraFields("targetDate", fields, "").flatMap((g) => g.items.map((i) => i.value))).toEqual(["duedate", "customfield_10030"]);
    // A list of sprints is an array too, but not of text: no place for tags.
    expect(compatibleJiraFields("tags", fields, "").flatMap((g) => g.items.map((i) => i.value))).toEqual(["labels"]);
    expect(compatibleJiraFields("title", fields, "customfield_gone")[0]).toEqual({ group: "Current", items: [{ value: "customfield_gone", label: "customfield_gone" }] });
  });

  test("every Tether field gets a row; rows without a Jira field are not sent and problem paths follow the sent order", () => {
    const draft = draftFrom({ ...base, fields: [{ tetherField: "status", jiraField: "status", direction: "both" }, { tetherField: "title", jiraField: "summary", direction: "both" }] });
    expect(draft.fields).toHaveLength(13);
    expect(draft.fields.find((f) => f.tetherField === "jobSize")).toEqual({ tetherField: "jobSize", jiraField: "", direction: "off" });
    const { body, fieldOrder } = bodyOf(draft);
    expect(fieldOrder).toEqual(["status", "title"]);
    const placed = placeProblems(
      [
        { path: "fields.1.jiraField", code: "not_on_screen", message: "summary is not on the screen" },
        { path: "statusMap.2.jiraStatusId", code: "unknown_status", message: "no such status" },
        { path: "projectKey", code: "unknown_project", message: "no project" },
      ],
      fieldOrder,
    );
    expect(placed).toEqual({ fields: [{ field: "title", message: "summary is not on the screen" }], rows: { "statusMap.2": ["no such status"] }, general: ["no project"] });
    expect(body.fields).toHaveLength(2);
  });

  test("a direction without a Jira field and a manual entry without a Jira user are caught before asking", () => {
    const draft = draftFrom({ ...base, fields: [], userMap: [{ userId: "5f1d2c1e-8a55-4b8e-9a43-1f0f7e0f6a11", jiraUserId: " ", jiraDisplayName: "" }] });
    const withDirection = { ...draft, fields: draft.fields.map((f) => (f.tetherField === "title" ? { ...f, direction: "both" as const } : f)) };
    const problems = localProblems(withDirection);
    expect(problems.fields.map((p) => p.field)).toEqual(["title"]);
    expect(Object.keys(problems.rows)).toEqual(["userMap.0"]);
  });

  test("reads the problem list of a 400 mapping_invalid and nothing else", () => {
    const details = [{ path: "fields.0.jiraField", code: "incompatible_field", message: "wrong type" }];
    expect(problemsOfError(new ApiError(400, "mapping_invalid", "no", details))).toEqual(details);
    expect(problemsOfError(new ApiError(409, "version_conflict", "no", details))).toEqual([]);
  });

  test("marking one entry preferred clears it on the others sharing its Jira value only", () => {
    const entries = [
      { id: "a", jira: "1", preferred: true },
      { id: "b", jira: "1", preferred: false },
      { id: "c", jira: "2", preferred: true },
    ];
    expect(markPreferred(entries, 1, (x, y) => x.jira === y.jira).map((e) => e.preferred)).toEqual([false, true, true]);
  });
});
