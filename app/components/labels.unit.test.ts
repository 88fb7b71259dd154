import { describe, expect, it } from "vitest";
import { StatusCategory } from "../../common/contracts/workspaces.ts";
import { statusBadgeColor, statusColor } from "./labels.ts";

describe("status colours by meaning", () => {
  it("shows a stopped status red and a done one green, whatever their names", () => {
    expect(statusBadgeColor({ category: "done" })).toBe("green");
    expect(statusBadgeColor({ category: "stopped" })).toBe("red");
  });

  it("colours every category, each differently", () => {
    const colours = StatusCategory.options.map((category) => statusColor[category]);
    expect(colours).toEqual(["gray", "blue", "green", "red"]);
    expect(new Set(colours).size).toBe(StatusCategory.options.length);
  });

  it("no longer guesses from the name: a done status called Rejected is done (green)", () => {
    expect(statusBadgeColor({ category: "done" })).not.toBe(statusBadgeColor({ category: "stopped" }));
    expect(statusBadgeColor({ name: "Rejected", category: "done" } as { category: StatusCategory })).toBe("green");
  });
});
