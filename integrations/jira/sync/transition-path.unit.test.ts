import { describe, expect, it } from "vitest";
import type { JiraTransition } from "../client/types.ts";
import { fillTransitionFields, nextTransition } from "./transition-path.ts";

const status = (id: string, categoryKey: string) => ({ id, name: `S${id}`, categoryKey });
const transition = (id: string, to: ReturnType<typeof status>, fields: JiraTransition["fields"] = []): JiraTransition => ({ id, name: `T${id}`, to, hasScreen: fields.length > 0, fields });
const todo = status("1", "new");
const doing = status("2", "indeterminate");
const review = status("3", "indeterminate");
const done = status("4", "done");

const base = { currentStatusId: "1", targetStatusId: "4", targetCategory: "done", knownEdges: [], visited: new Set(["1"]), targetName: "Done" };

describe("finding a path through the workflow", () => {
  it("takes a direct transition when there is one", () => {
    const step = nextTransition({ ...base, available: [transition("11", doing), transition("31", done)] });
    expect(step).toMatchObject({ kind: "transition", transition: { id: "31" } });
  });

  it("follows the shortest path over edges learned before", () => {
    const step = nextTransition({
      ...base,
      available: [transition("11", doing), transition("12", review)],
      knownEdges: [
        { fromStatusId: "2", transitionId: "21", toStatusId: "3" },
        { fromStatusId: "3", transitionId: "41", toStatusId: "4" },
      ],
    });
    expect(step).toMatchObject({ kind: "transition", transition: { id: "12" } });
  });

  it("without known edges, steps towards the target's category and never revisits a status", () => {
    const step = nextTransition({ ...base, available: [transition("99", todo), transition("11", doing)], visited: new Set(["1"]) });
    expect(step).toMatchObject({ kind: "transition", transition: { id: "11" } });
    const stuck = nextTransition({ ...base, currentStatusId: "2", available: [transition("99", todo)], visited: new Set(["1", "2"]) });
    expect(stuck.kind).toBe("blocked");
    expect(stuck.kind === "blocked" && stuck.reason).toContain('"Done"');
  });

  it("fills a required resolution and reports other required fields by name", () => {
    const withFields = transition("41", done, [
      { id: "resolution", name: "Resolution", required: true, schemaType: "resolution", allowedValues: [{ id: "10000", name: "Done" }] },
      { id: "customfield_10050", name: "Root cause", required: true, schemaType: "string", allowedValues: null },
      { id: "comment", name: "Comment", required: false, schemaType: "comment", allowedValues: null },
    ]);
    expect(fillTransitionFields(withFields)).toEqual({ fields: { resolution: { id: "10000" } }, missing: ["Root cause"] });
  });
});
