/**
 * JQL for the Jira simulator: `parseJql` turns text into a `JqlQuery` (or throws
 * `JqlSyntaxError` with Jira's wording and position); `compileJql` checks fields, operators and
 * values against the site (throwing `JqlSemanticError` with every problem found at once) and
 * returns closures: `matches` and `compare` do no parsing or allocation-heavy work per issue.
 *
 * Guarantees: field names, keywords and enumerated values are case-insensitive; NOT binds
 * tighter than AND, AND tighter than OR; `!=` and `NOT IN` never match an empty field (Jira's
 * rule), while `NOT (field = x)` does; dates without a zone are read in UTC.
 */
export type { CompiledJql, JqlClause, JqlContext, JqlIssue, JqlNode, JqlOperator, JqlOrderKey, JqlPosition, JqlQuery, JqlUserRef, JqlValue } from "./types.ts";
export { JqlError, JqlSemanticError, JqlSyntaxError, type JqlErrorCode } from "./errors.ts";
export { parseJql } from "./parser.ts";
export { compileJql } from "./compile.ts";
export { clauseFieldName } from "./fields.ts";
