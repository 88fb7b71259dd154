/** A JQL string literal: quoted, with `"` and `\` escaped, so keys and names cannot break out. */
export function jqlString(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** The fields read when the caller names none: what listing and sync need, not whole issues. */
export const defaultIssueFields = ["summary", "status", "issuetype", "assignee", "project", "updated", "created"];
