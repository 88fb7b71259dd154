import { describe, expect, it } from "vitest";
import { type JiraClient, JiraError } from "../../../integrations/jira/client/index.ts";
import type { IssueRefPage } from "../../../integrations/jira/client/types.ts";
import { searchChunk } from "./assignee-filter.ts";

/** A Jira that answers key-only searches from a script: one entry per request, an error or a page. */
function scriptedJira(script: Array<IssueRefPage | JiraError>) {
  const asked: string[] = [];
  const jira = {
    searchIssueRefsPage: async (jql: string) => {
      asked.push(jql);
      const next = script.shift();
      if (!next) throw new Error("no more answers scripted");
      if (next instanceof JiraError) throw next;
      return next;
    },
  } as unknown as JiraClient;
  return { jira, asked };
}

const refused = (...errorMessages: string[]) => new JiraError("VALIDATION", "Jira refused the JQL", { status: 400, method: "POST", path: "/rest/api/3/search/jql", errorMessages });

describe("one chunk of the assignee filter", () => {
  it("follows every page and counts each request", async () => {
    const { jira, asked } = scriptedJira([
      { refs: [{ id: "1", key: "A-1" }], nextCursor: "next" },
      { refs: [{ id: "2", key: "A-2" }], nextCursor: null },
    ]);
    expect(await searchChunk(jira, { kind: "unassigned" }, ["A-1", "A-2", "A-3"])).toEqual({ issueIds: ["1", "2"], requests: 2 });
    expect(asked).toHaveLength(2);
  });

  it("asks again without the keys Jira says no longer exist, once", async () => {
    const { jira, asked } = scriptedJira([refused("An issue with key 'A-2' does not exist for field 'key'."), { refs: [{ id: "3", key: "A-3" }], nextCursor: null }]);
    expect(await searchChunk(jira, { kind: "person", jiraUserId: "cara" }, ["A-1", "A-2", "A-3"])).toEqual({ issueIds: ["3"], requests: 2 });
    expect(asked[1]).toBe('assignee = "cara" AND key in ("A-1", "A-3")');
  });

  it("passes on a refusal that names no card (an unknown person), and a second refusal", async () => {
    await expect(searchChunk(scriptedJira([refused("The value 'ghost' does not exist for the field 'assignee'.")]).jira, { kind: "person", jiraUserId: "ghost" }, ["A-1"])).rejects.toMatchObject({ code: "VALIDATION" });
    const twice = scriptedJira([refused("An issue with key 'A-1' does not exist for field 'key'."), refused("An issue with key 'A-2' does not exist for field 'key'.")]);
    await expect(searchChunk(twice.jira, { kind: "unassigned" }, ["A-1", "A-2", "A-3"])).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("answers nothing, without another request, when every key is gone", async () => {
    const { jira, asked } = scriptedJira([refused("An issue with key 'A-1' does not exist for field 'key'.")]);
    expect(await searchChunk(jira, { kind: "unassigned" }, ["A-1"])).toEqual({ issueIds: [], requests: 1 });
    expect(asked).toHaveLength(1);
  });
});
