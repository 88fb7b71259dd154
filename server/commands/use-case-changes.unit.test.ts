import { describe, expect, it } from "vitest";
import type { UseCaseFields } from "../../common/contracts/use-cases.ts";
import { diffUseCase } from "./use-case-changes.ts";

const ann = { id: "00000000-0000-4000-8000-00000000000a", displayName: "Ann" };
const bob = { id: "00000000-0000-4000-8000-00000000000b", displayName: "Bob" };
const current: UseCaseFields = {
  id: "00000000-0000-4000-8000-000000000001",
  key: "UC-1",
  number: 1,
  title: "Title",
  description: "",
  status: { id: "00000000-0000-4000-8000-000000000551", name: "Idea", category: "todo" },
  assignee: { ...ann, email: "ann@example.test" },
  members: [bob],
  priority: "medium",
  tags: ["a"],
  targetDate: null,
  businessValue: 1,
  timeCriticality: null,
  riskReduction: null,
  jobSize: 2,
  wsjf: 0.5,
  storyPoints: 1.5,
  visibility: "public",
  customFields: {},
  version: 3,
  createdBy: ann,
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2025-01-01T00:00:00.000Z",
};
const people = new Map([ann, bob].map((p) => [p.id, p.displayName]));

describe("diffUseCase", () => {
  it("finds no change when every given field holds its current value", () => {
    const patch = { title: "Title", tags: ["a"], storyPoints: 1.5, assigneeId: ann.id, memberIds: [bob.id, bob.id], statusId: current.status.id, targetDate: null };
    expect(diffUseCase(current, patch, { people })).toEqual({ columns: {}, memberIds: null, changes: [] });
  });

  it("maps fields to columns and records old and new values in the API's shape", () => {
    const diff = diffUseCase(current, { jobSize: null, assigneeId: null, memberIds: [ann.id, bob.id], storyPoints: 2 }, { people });
    expect(diff.columns).toEqual({ job_size: null, story_points: 2, assignee_id: null });
    expect(diff.memberIds).toEqual([ann.id, bob.id].sort());
    expect(diff.changes).toEqual([
      { field: "jobSize", oldValue: 2, newValue: null },
      { field: "storyPoints", oldValue: 1.5, newValue: 2 },
      { field: "assignee", oldValue: ann, newValue: null },
      { field: "members", oldValue: [bob], newValue: [ann, bob] },
    ]);
  });

  it("names the new status", () => {
    const status = { id: "00000000-0000-4000-8000-000000000552", name: "Approved" };
    const diff = diffUseCase(current, { statusId: status.id }, { status, people });
    expect(diff.columns).toEqual({ status_id: status.id });
    expect(diff.changes).toEqual([{ field: "status", oldValue: { id: current.status.id, name: "Idea" }, newValue: status }]);
  });
});
