import { describe, expect, test } from "vitest";
import { planDrop } from "./drop-plan.ts";

const column = ["a", "b", "c", "d"];

describe("where a dropped card goes", () => {
  test("down within its column: between the card it lands on and the next", () => {
    expect(planDrop({ useCaseId: "a", fromStatusId: "s", toStatusId: "s", targetCards: column, overCardId: "c", belowOverCard: false })).toEqual({
      statusId: "s",
      afterUseCaseId: "c",
      beforeUseCaseId: "d",
    });
  });

  test("up within its column, to the top", () => {
    expect(planDrop({ useCaseId: "c", fromStatusId: "s", toStatusId: "s", targetCards: column, overCardId: "a", belowOverCard: false })).toEqual({
      statusId: "s",
      afterUseCaseId: null,
      beforeUseCaseId: "a",
    });
  });

  test("dropped on itself or its own column's space: nothing to do unless it moves", () => {
    expect(planDrop({ useCaseId: "b", fromStatusId: "s", toStatusId: "s", targetCards: column, overCardId: "b", belowOverCard: false })).toBeNull();
    expect(planDrop({ useCaseId: "d", fromStatusId: "s", toStatusId: "s", targetCards: column, overCardId: null, belowOverCard: false })).toBeNull();
    expect(planDrop({ useCaseId: "a", fromStatusId: "s", toStatusId: "s", targetCards: column, overCardId: null, belowOverCard: false })?.afterUseCaseId).toBe("d");
  });

  test("into another column: above or below the card it is over, or at the end", () => {
    const base = { useCaseId: "x", fromStatusId: "s", toStatusId: "t", targetCards: column };
    expect(planDrop({ ...base, overCardId: "b", belowOverCard: false })).toEqual({ statusId: "t", afterUseCaseId: "a", beforeUseCaseId: "b" });
    expect(planDrop({ ...base, overCardId: "b", belowOverCard: true })).toEqual({ statusId: "t", afterUseCaseId: "b", beforeUseCaseId: "c" });
    expect(planDrop({ ...base, overCardId: null, belowOverCard: false })).toEqual({ statusId: "t", afterUseCaseId: "d", beforeUseCaseId: null });
    expect(planDrop({ ...base, targetCards: [], overCardId: null, belowOverCard: false })).toEqual({ statusId: "t", afterUseCaseId: null, beforeUseCaseId: null });
  });
});
