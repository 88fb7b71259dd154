import pg from "pg";
import { describe, expect, it } from "vitest";
import { toAppError } from "./error-handling.ts";

const databaseError = (code: string) => Object.assign(new pg.DatabaseError("data exception", 0, "error"), { code, severity: "ERROR" });

describe("errors → responses", () => {
  it("turns any PostgreSQL data exception (class 22) into a 400, also when wrapped", () => {
    for (const code of ["22021", "22P02", "22008", "22003", "22001"]) {
      expect(toAppError(databaseError(code))).toMatchObject({ code: "validation_failed", status: 400 });
    }
    expect(toAppError(new Error("wrapped", { cause: databaseError("22P05") }))).toMatchObject({ status: 400 });
  });

  it("keeps other database failures and plain errors a 500", () => {
    expect(toAppError(databaseError("23505"))).toMatchObject({ code: "internal_error", status: 500 });
    expect(toAppError(Object.assign(new Error("not from the database"), { code: "22021" }))).toMatchObject({ status: 500 });
  });
});
