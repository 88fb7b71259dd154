/** Public surface of the Jira client: import from here, not from the files behind it. */
export type { JiraClient } from "./jira-client.ts";
export { createJiraClient, type JiraClientDeps } from "./factory.ts";
export { decideRetry, isJiraError, JiraError, jiraErrorCodes, type JiraErrorCode, type RetryDecision } from "./errors.ts";
export { InMemoryRateLimitStore, type RateLimitRule, type RateLimitStore } from "./rate-limit-store.ts";
export { PgRateLimitStore } from "./pg-rate-limit-store.ts";
export { defaultRateLimitRules, type RateLimitRules } from "./rate-limiter.ts";
export { findEpicLinkField, findEpicNameField, findFieldRoles, findSprintField, findStoryPointsField } from "./field-roles.ts";
export type * from "./types.ts";
