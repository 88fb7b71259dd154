import { describe, expect, it } from "vitest";
import { bulkCreateOutcome } from "./bulk-create.ts";
import { findFieldRoles } from "./field-roles.ts";
import { findEpicType, toIssue, toIssueType } from "./mappers.ts";
import { createdIssuesSchema, fieldSchema, issueSchema, offsetSearchSchema, serverInfoSchema, tokenSearchSchema } from "./schemas.ts";
import type { JiraField } from "./types.ts";

const adf = { type: "doc", version: 1, content: [{ type: "paragraph", content: [{ type: "text", text: "Hi" }] }] };

describe("issue parsing", () => {
  it("reads a Cloud issue: ADF description, accountId users, parent", () => {
    const wire = issueSchema.parse({
      id: "10021",
      key: "ABC-7",
      self: "https://acme.atlassian.net/rest/api/3/issue/10021",
      fields: {
        summary: "Checkout",
        description: adf,
        issuetype: { id: "10000", name: "Story", subtask: false, hierarchyLevel: 0 },
        status: { id: "3", name: "In Progress", statusCategory: { id: 4, key: "indeterminate", colorName: "yellow" } },
        assignee: { accountId: "5b10a2844c20165700ede21g", displayName: "Mia", active: true, accountType: "atlassian" },
        project: { id: "10000", key: "ABC" },
        parent: { id: "10020", key: "ABC-1", fields: { summary: "Epic" } },
        customfield_10016: 5,
        updated: "2025-03-01T12:00:00.000+0000",
      },
    });
    const issue = toIssue(wire, { identity: "accountId", epicLinkFieldId: null });
    expect(issue).toMatchObject({
      key: "ABC-7",
      projectKey: "ABC",
      description: { kind: "adf", doc: adf },
      status: { id: "3", name: "In Progress", categoryKey: "indeterminate" },
      assignee: { id: "5b10a2844c20165700ede21g", idKind: "accountId", email: null },
      parentKey: "ABC-1",
    });
    expect(issue.fields.customfield_10016).toBe(5);
  });

  it("reads a Data Center issue: numeric ids, wiki text, name/key users, Epic Link, odd custom values", () => {
    const wire = issueSchema.parse({
      id: 10100,
      key: "DC-3",
      fields: {
        summary: "Pay",
        description: "h1. Title\n*bold*",
        issuetype: { id: 10001, name: "Story", subtask: false },
        status: { id: 10000, name: "To Do", statusCategory: { id: 2, key: "new" } },
        assignee: { name: "jdoe", key: "JIRAUSER10100", displayName: "J Doe", emailAddress: "j@example.com", active: true },
        customfield_10101: "DC-1",
        customfield_10200: "9223372036854775807",
        customfield_10300: "com.atlassian.greenhopper.service.sprint.Sprint@1f2e[id=1,rapidViewId=1,state=ACTIVE,name=Sprint 1]",
        customfield_10400: null,
      },
    });
    const issue = toIssue(wire, { identity: "name", epicLinkFieldId: "customfield_10101" });
    expect(issue).toMatchObject({
      id: "10100",
      description: { kind: "wiki", text: "h1. Title\n*bold*" },
      issueType: { id: "10001", hierarchyLevel: 0 },
      assignee: { id: "jdoe", key: "JIRAUSER10100", idKind: "name", email: "j@example.com" },
      parentKey: "DC-1",
    });
    expect(issue.fields.customfield_10200).toBe("9223372036854775807");
  });

  it("reads a changelog item of a cleared field (no toString) as null, not as Object.prototype.toString", () => {
    const parsed = issueSchema.parse({
      id: "10001",
      key: "NOVA-1",
      fields: {},
      changelog: { histories: [{ id: "1", created: "2026-11-28T10:00:00.000+0000", items: [{ field: "description", fieldId: "description", fromString: "old text" }] }] },
    });
    expect(parsed.changelog?.histories[0]?.items[0]).toMatchObject({ fromString: "old text", toString: null });
  });

  it("rejects an issue without a key (a typed BAD_RESPONSE upstream, never a crash)", () => {
    expect(issueSchema.safeParse({ id: "1", fields: {} }).success).toBe(false);
  });

  it("reads both search page styles", () => {
    expect(tokenSearchSchema.parse({ issues: [], isLast: true }).nextPageToken).toBeUndefined();
    expect(offsetSearchSchema.parse({ issues: [], startAt: 0, maxResults: 50, total: 0, expand: "names" }).total).toBe(0);
  });

  it("tolerates extra fields and nulls in serverInfo", () => {
    const info = serverInfoSchema.parse({ baseUrl: "https://j", version: "9.12.2", versionNumbers: [9, 12, 2], deploymentType: "Server", buildDate: "x", healthChecks: [] });
    expect(info.serverTitle).toBeNull();
  });
});

describe("issue types", () => {
  it("derives Data Center's missing hierarchy level and finds the Epic type", () => {
    const types = [
      toIssueType({ id: "1", name: "Story", subtask: false }),
      toIssueType({ id: "2", name: "Sub-task", subtask: true }),
      toIssueType({ id: "3", name: "Epic", subtask: false }),
    ];
    expect(types.map((t) => t.hierarchyLevel)).toEqual([0, -1, 1]);
    expect(findEpicType(types)?.id).toBe("3");
    // Cloud may call it something else; the level decides.
    expect(findEpicType([toIssueType({ id: "9", name: "Initiative-ish", hierarchyLevel: 1 })])?.id).toBe("9");
  });
});

describe("field roles", () => {
  const field = (raw: unknown): JiraField => {
    const f = fieldSchema.parse(raw);
    return {
      id: f.id,
      name: f.name,
      custom: f.custom ?? false,
      clauseNames: f.clauseNames ?? [],
      schema: f.schema ? { type: f.schema.type, custom: f.schema.custom ?? null, customId: f.schema.customId ?? null, items: null, system: null } : null,
    };
  };
  it("finds Epic Link, Epic Name, Sprint by schema even when renamed, and Story Points by name", () => {
    const roles = findFieldRoles([
      field({ id: "summary", name: "Summary", custom: false, schema: { type: "string", system: "summary" } }),
      field({ id: "customfield_10101", name: "Lien d'epic", custom: true, schema: { type: "any", custom: "com.pyxis.greenhopper.jira:gh-epic-link", customId: 10101 } }),
      field({ id: "customfield_10102", name: "Epic Name", custom: true, schema: { type: "string", custom: "com.pyxis.greenhopper.jira:gh-epic-label", customId: 10102 } }),
      field({ id: "customfield_10104", name: "Sprint", custom: true, schema: { type: "array", items: "string", custom: "com.pyxis.greenhopper.jira:gh-sprint", customId: 10104 } }),
      field({ id: "customfield_10106", name: "Story Points", custom: true, schema: { type: "number", custom: "com.atlassian.jira.plugin.system.customfieldtypes:float", customId: 10106 } }),
    ]);
    expect(roles).toEqual({ epicLink: "customfield_10101", epicName: "customfield_10102", sprint: "customfield_10104", storyPoints: "customfield_10106" });
  });
  it("says null when a role is absent", () => {
    expect(findFieldRoles([])).toEqual({ epicLink: null, epicName: null, storyPoints: null, sprint: null });
  });
});

describe("bulk create outcome", () => {
  it("maps created and failed elements back to the drafts sent", () => {
    const answer = createdIssuesSchema.parse({
      issues: [{ id: "1", key: "A-1", self: "x" }, { id: "3", key: "A-3", self: "x" }],
      errors: [{ status: 400, failedElementNumber: 1, elementErrors: { errorMessages: [], errors: { summary: "required" } } }],
    });
    expect(bulkCreateOutcome(answer, 3, 50)).toEqual({
      created: [
        { index: 50, id: "1", key: "A-1" },
        { index: 52, id: "3", key: "A-3" },
      ],
      failed: [{ index: 51, status: 400, errorMessages: [], fieldErrors: { summary: "required" } }],
    });
  });
});
