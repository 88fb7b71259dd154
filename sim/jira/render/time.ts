/** Jira's timestamp format: `2024-12-29T08:41:23.303+0000` (offset without a colon). The sim runs in UTC. */
export function jiraDateTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace("Z", "+0000");
}

/** Agile API dates are ISO 8601 with `Z`. */
export function agileDateTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
