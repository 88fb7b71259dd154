import { describe, expect, it } from "vitest";
import { AppError } from "../../errors.ts";
import { decodeCursor, encodeCursor } from "./epic-listing-cursor.ts";
import { currentSprint, listingFields, rankedChildrenJql } from "./epic-listing-rows.ts";

describe("Epic listing rows", () => {
  it("puts our rank order on the flavour's Epic clause", () => {
    expect(rankedChildrenJql('parent = "TETH-1" ORDER BY key ASC')).toBe('parent = "TETH-1" ORDER BY Rank ASC, key ASC');
    expect(rankedChildrenJql('"Epic Link" = "TETH-1"')).toBe('"Epic Link" = "TETH-1" ORDER BY Rank ASC, key ASC');
  });

  it("asks Jira for the listed fields only, with story points and sprint found by schema", () => {
    expect(listingFields({ epicLink: null, epicName: null, storyPoints: "customfield_1", sprint: "customfield_2" })).toEqual(["summary", "issuetype", "status", "assignee", "priority", "updated", "customfield_1", "customfield_2"]);
    expect(listingFields({ epicLink: null, epicName: null, storyPoints: null, sprint: null })).not.toContain(null);
  });

  it("picks the active sprint, else the next future one, else the last closed, from Cloud objects and DC strings", () => {
    expect(currentSprint([{ id: 1, name: "S1", state: "closed" }, { id: 2, name: "S2", state: "active" }])).toBe("S2");
    expect(currentSprint([{ id: 1, name: "S1", state: "closed" }, { id: 3, name: "S3", state: "future" }])).toBe("S3");
    expect(currentSprint([{ id: 1, name: "S1", state: "closed" }])).toBe("S1");
    expect(currentSprint(["com.atlassian.greenhopper.service.sprint.Sprint@1a[id=7,rapidViewId=1,state=ACTIVE,name=Sprint 7,startDate=x]"])).toBe("Sprint 7");
    expect(currentSprint(null)).toBeNull();
    expect(currentSprint(["garbage"])).toBeNull();
  });

  it("round-trips cursors and refuses one from another sort or a forged one", () => {
    expect(decodeCursor(encodeCursor("status", [1, "done", 42]), "status")).toEqual([1, "done", 42]);
    expect(() => decodeCursor(encodeCursor("rank", [3]), "updated")).toThrow(AppError);
    expect(() => decodeCursor("not-a-cursor", "rank")).toThrow(AppError);
    expect(() => decodeCursor(Buffer.from(JSON.stringify({ s: "rank", k: [{ sql: "1" }] })).toString("base64url"), "rank")).toThrow(AppError);
  });
});
