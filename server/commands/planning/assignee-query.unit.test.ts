import { describe, expect, it } from "vitest";
import { assigneeJql, keyChunks, keysJiraDoesNotKnow } from "./assignee-query.ts";

describe("the assignee filter's JQL", () => {
  it("asks for one person's or nobody's cards among the given keys, with every value quoted", () => {
    expect(assigneeJql({ kind: "person", jiraUserId: "712020:abc" }, ["TETH-1", "TETH-2"])).toBe('assignee = "712020:abc" AND key in ("TETH-1", "TETH-2")');
    expect(assigneeJql({ kind: "unassigned" }, ["NOVA-7"])).toBe('assignee is EMPTY AND key in ("NOVA-7")');
    // A Data Center username with a quote cannot break out of the literal.
    expect(assigneeJql({ kind: "person", jiraUserId: 'o"brien' }, ["TETH-1"])).toBe('assignee = "o\\"brien" AND key in ("TETH-1")');
  });

  it("splits 500 keys into five searches of 100 and keeps their order", () => {
    const keys = Array.from({ length: 500 }, (_, index) => `TETH-${index + 1}`);
    const chunks = keyChunks(keys);
    expect(chunks.map((chunk) => chunk.length)).toEqual([100, 100, 100, 100, 100]);
    expect(chunks.flat()).toEqual(keys);
    expect(keyChunks([])).toEqual([]);
    expect(keyChunks(["A-1", "A-2", "A-3"], 2)).toEqual([["A-1", "A-2"], ["A-3"]]);
  });

  it("finds the keys Jira says do not exist, only among those asked", () => {
    const messages = ["An issue with key 'TETH-9' does not exist for field 'key'.", "An issue with key 'teth-12' does not exist for field 'key'.", "Field 'foo' does not exist"];
    expect(keysJiraDoesNotKnow(messages, ["TETH-1", "TETH-9", "TETH-12"])).toEqual(["TETH-9", "TETH-12"]);
    expect(keysJiraDoesNotKnow(["An issue with key 'OTHER-1' does not exist for field 'key'."], ["TETH-1"])).toEqual([]);
    expect(keysJiraDoesNotKnow(["Error in the JQL Query: 'TETH-1' is a reserved word."], ["TETH-1"])).toEqual([]);
  });
});
