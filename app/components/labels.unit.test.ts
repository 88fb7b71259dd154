import { describe, expect, it } from "vitest";
import { statusBadgeColor } from "./labels.ts";

describe("status colours by meaning", () => {
  it("shows a stopped use case red, a finished one green", () => {
    expect(statusBadgeColor({ name: "Done", category: "done" })).toBe("green");
    expect(statusBadgeColor({ name: "Rejected", category: "done" })).toBe("red");
    for (const name of ["Cancelled", "Canceled", "Won't do", "Declined", "Abandoned", "Dropped"]) {
      expect(statusBadgeColor({ name, category: "done" }), name).toBe("red");
    }
  });

  it("keeps the category's colour for everything else, even with a stopping word outside done", () => {
    expect(statusBadgeColor({ name: "Idea", category: "todo" })).toBe("gray");
    expect(statusBadgeColor({ name: "In progress", category: "in_progress" })).toBe("blue");
    expect(statusBadgeColor({ name: "Rejection review", category: "in_progress" })).toBe("blue");
    expect(statusBadgeColor({ name: "Live", category: "done" })).toBe("green");
  });
});
