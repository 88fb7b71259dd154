import { describe, expect, it } from "vitest";
import { runsBackwards, sprintRank } from "./board.ts";
import { currentSprint, numberField } from "./card-fields.ts";
import { sprintInPi } from "./resync.ts";

describe("planning card fields", () => {
  it("reads the active or future sprint from Cloud objects and Data Center strings, skipping closed ones", () => {
    expect(currentSprint([{ id: 1, state: "closed", boardId: 3 }, { id: 2, state: "future", boardId: 3 }])).toEqual({ id: 2, boardId: 3 });
    expect(
      currentSprint([
        "com.atlassian.greenhopper.service.sprint.Sprint@1bf75fd[id=1,rapidViewId=3,state=CLOSED,name=S1,startDate=<null>]",
        "com.atlassian.greenhopper.service.sprint.Sprint@1689feb[id=7,rapidViewId=3,state=ACTIVE,name=S2,startDate=<null>]",
      ]),
    ).toEqual({ id: 7, boardId: 3 });
    expect(currentSprint(null)).toBeNull();
    expect(currentSprint([{ id: 1, state: "closed" }])).toBeNull();
  });

  it("takes numbers and numeric strings only", () => {
    expect(numberField(5)).toBe(5);
    expect(numberField("3.5")).toBe(3.5);
    expect(numberField("")).toBeNull();
    expect(numberField({ value: 1 })).toBeNull();
  });

  it("keeps sprints that overlap the PI and are not closed", () => {
    const pi = ["2026-01-05", "2026-03-27"] as const;
    expect(sprintInPi({ state: "future", startDate: null, endDate: null }, ...pi)).toBe(true);
    expect(sprintInPi({ state: "active", startDate: "2026-01-01T00:00:00Z", endDate: "2026-01-14T00:00:00Z" }, ...pi)).toBe(true);
    expect(sprintInPi({ state: "future", startDate: "2026-05-01T00:00:00Z", endDate: "2026-05-14T00:00:00Z" }, ...pi)).toBe(false);
    expect(sprintInPi({ state: "closed", startDate: null, endDate: null }, ...pi)).toBe(false);
  });

  it("flags a dependency whose blocker lands later than the card waiting for it", () => {
    const sprint = (id: number, end: string | null) => ({ pi_id: "p", team_id: "t", sprint_id: id, name: `S${id}`, state: "future", starts_at: null, ends_at: end ? new Date(end) : null });
    const rank = sprintRank([sprint(9, null), sprint(2, "2026-02-01"), sprint(1, "2026-01-15")]);
    expect(runsBackwards(2, 1, rank)).toBe(true);
    expect(runsBackwards(1, 2, rank)).toBe(false);
    expect(runsBackwards(9, 2, rank)).toBe(true);
    expect(runsBackwards(null, 1, rank)).toBe(true);
    expect(runsBackwards(1, null, rank)).toBe(false);
  });
});
