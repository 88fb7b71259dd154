import type { z } from "zod";

/**
 * One human voice for form errors, whatever the contract's zod schema says to API clients: a short
 * sentence that tells what to do ("Use at least 10 characters."), never zod's own wording
 * ("Too small: expected string to have >=1 characters"). `empty` is what an empty field says.
 */
export function humanIssue(issue: z.core.$ZodIssue, empty: string): string {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? empty : `Use at least ${issue.minimum} characters.`;
      return `Use ${issue.minimum} or more.`;
    case "too_big":
      if (issue.origin === "string") return `Use at most ${issue.maximum} characters.`;
      return `Use ${issue.maximum} or less.`;
    case "invalid_format":
      if (issue.format === "email") return "Enter an email address like name@example.com.";
      if (issue.format === "url") return "Enter a web address that starts with https://.";
      break;
    case "invalid_type":
      return empty;
    default:
      break;
  }
  // The contracts' own messages are written for API clients in lower case ("must be a Jira project key like TETH").
  const message = issue.message.trim();
  return message ? `${message.charAt(0).toUpperCase()}${message.slice(1)}${/[.!?]$/.test(message) ? "" : "."}` : empty;
}

/** A Mantine form validator from a contract's zod schema: the first problem in words, or null. */
export function zodFieldError(schema: z.ZodType, empty = "Fill this in.") {
  return (value: unknown): string | null => {
    const result = schema.safeParse(value);
    if (result.success) return null;
    if (value === "" || value === null || value === undefined) return empty;
    const issue = result.error.issues[0];
    return issue ? humanIssue(issue, empty) : empty;
  };
}
