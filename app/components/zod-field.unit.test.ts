import { describe, expect, it } from "vitest";
import { SignupBody } from "../../common/contracts/auth.ts";
import { ProjectKey, SaveConnectionBody } from "../../common/contracts/jira-connection.ts";
import { zodFieldError } from "./zod-field.ts";

describe("form errors in one human voice", () => {
  it("says what to do, never zod's wording", () => {
    const name = zodFieldError(SignupBody.shape.displayName, "Enter your name.");
    expect(name("")).toBe("Enter your name.");
    expect(name("   ")).toBe("Enter your name.");
    expect(name("x".repeat(101))).toBe("Use at most 100 characters.");
    expect(name("Ada")).toBeNull();
    expect(zodFieldError(SignupBody.shape.password)("short")).toBe("Use at least 10 characters.");
    expect(zodFieldError(SignupBody.shape.email)("ada@")).toBe("Enter an email address like name@example.com.");
  });

  it("turns a contract's message for API clients into a sentence", () => {
    expect(zodFieldError(ProjectKey)("te th")).toBe("Must be a Jira project key like TETH.");
    expect(zodFieldError(SaveConnectionBody.shape.baseUrl, "Enter the address of your Jira.")("")).toBe("Enter the address of your Jira.");
    expect(zodFieldError(SaveConnectionBody.shape.baseUrl)("ftp://jira")).toMatch(/^[A-Z].*\.$/);
  });

  it("never lets a message through that reads like zod's", () => {
    for (const value of ["", "a", "x".repeat(300)]) {
      for (const schema of [SignupBody.shape.displayName, SignupBody.shape.password, SignupBody.shape.email]) {
        const message = zodFieldError(schema)(value);
        if (message) expect(message).not.toMatch(/expected|Too small|Too big|Invalid/);
      }
    }
  });
});
