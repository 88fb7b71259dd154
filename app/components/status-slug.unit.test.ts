import { describe, expect, it } from "vitest";
import { statusIdFromParam, statusParamFromId, statusSlug } from "./status-slug.ts";

const statuses = [
  { id: "7c1d0c53-0000-4000-8000-000000000001", name: "Idea" },
  { id: "7c1d0c53-0000-4000-8000-000000000002", name: "In progress" },
  { id: "7c1d0c53-0000-4000-8000-000000000003", name: "Won't do" },
];

describe("statuses in the URL by name", () => {
  it("writes a readable slug and reads it back to the id", () => {
    expect(statusSlug("In progress")).toBe("in-progress");
    expect(statusSlug(" Won't do ")).toBe("won-t-do");
    expect(statusSlug("Évaluation")).toBe("évaluation");
    for (const status of statuses) {
      const param = statusParamFromId(status.id, statuses);
      expect(param).not.toContain("7c1d0c53");
      expect(statusIdFromParam(param, statuses)).toBe(status.id);
    }
  });

  it("still understands an id from an old link, waits for the statuses, and drops a status that is gone", () => {
    expect(statusIdFromParam(statuses[1]!.id, statuses)).toBe(statuses[1]!.id);
    expect(statusIdFromParam("in-progress", undefined)).toBeUndefined();
    expect(statusIdFromParam("archived", statuses)).toBeNull();
  });
});
