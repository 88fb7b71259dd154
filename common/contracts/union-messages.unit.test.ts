import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { ImportBody } from "./jira-reconcile.ts";
import { SyncField } from "./jira-mapping.ts";
import { LinkBody } from "./jira-sync.ts";
import { ListUseCasesQuery } from "./use-cases.ts";

const messages = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];

/** A body that fits none of a union's shapes says which shapes there are, never zod's bare "Invalid input". */
describe("messages of either-or inputs", () => {
  it("the link body names both ways to link", () => {
    for (const body of [{}, { create: false }, { create: true, issueKey: "TETH-1" }, { issueKey: 5 }]) {
      expect(messages(LinkBody, body), JSON.stringify(body)).toEqual([expect.stringMatching(/"create": true.*"issueKey": "TETH-12"/)]);
    }
    // A shape that fits keeps its own, more precise message.
    expect(messages(LinkBody, { issueKey: "teth-1" })).toEqual(["an issue key such as TETH-12"]);
  });

  it("the import body names jql and issueKeys", () => {
    expect(messages(ImportBody, {})).toEqual([expect.stringMatching(/"jql".*"issueKeys"/)]);
  });

  it("a mapped Tether field lists the fields there are", () => {
    expect(messages(SyncField, "bogus")).toEqual([expect.stringMatching(/title, description.*cf\.<custom field key>/)]);
  });

  it("the list's assignee filter says what it takes", () => {
    expect(messages(ListUseCasesQuery, { assignee: "bob" })).toEqual([expect.stringMatching(/"me", "none" or a member's user id/)]);
  });
});
