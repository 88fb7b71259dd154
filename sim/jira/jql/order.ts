import { clauseFieldName } from "./fields.ts";
import type { JqlContext, JqlIssue, JqlOrderKey } from "./types.ts";

type SortKey = (issue: JqlIssue) => string | number | null;

const ISSUE_KEY = /^(.*)-(\d+)$/;

function byIssueKey(a: JqlIssue, b: JqlIssue): number {
  const left = ISSUE_KEY.exec(a.key);
  const right = ISSUE_KEY.exec(b.key);
  if (!left || !right) return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  const project = (left[1] as string).localeCompare(right[1] as string);
  return project !== 0 ? project : Number(left[2]) - Number(right[2]);
}

const text = (value: string | null): string | null => (value === null || value === "" ? null : value.toLowerCase());
const CATEGORY_ORDER: Readonly<Record<JqlIssue["statusCategory"], number>> = { new: 0, indeterminate: 1, done: 2 };

/** Fields Jira can sort by, with the value each sorts on. `null` sorts last ascending, first descending. */
function sortKeys(ctx: JqlContext): ReadonlyMap<string, SortKey | "issuekey"> {
  const priorities = ctx.priorityOrder?.map((name) => name.toLowerCase());
  const epicParent = (issue: JqlIssue) => text(issue.parentKey ?? issue.epicLinkKey);
  return new Map<string, SortKey | "issuekey">([
    ["key", "issuekey"], ["issuekey", "issuekey"], ["id", "issuekey"], ["issue", "issuekey"],
    ["project", (issue) => issue.projectKey.toLowerCase()],
    ["issuetype", (issue) => text(issue.issueType)], ["type", (issue) => text(issue.issueType)],
    ["status", (issue) => text(issue.status)],
    ["statuscategory", (issue) => CATEGORY_ORDER[issue.statusCategory]],
    ["assignee", (issue) => text(issue.assignee?.displayName ?? null)],
    ["summary", (issue) => text(issue.summary)],
    [
      "priority",
      priorities
        ? (issue) => {
            const rank = issue.priority === null ? -1 : priorities.indexOf(issue.priority.toLowerCase());
            // Ascending runs from the lowest priority up, as in Jira.
            return rank < 0 ? null : priorities.length - rank;
          }
        : (issue) => text(issue.priority),
    ],
    ["created", (issue) => issue.created.getTime()], ["createddate", (issue) => issue.created.getTime()],
    ["updated", (issue) => issue.updated.getTime()], ["updateddate", (issue) => issue.updated.getTime()],
    ["parent", ctx.flavor === "cloud" ? epicParent : (issue) => text(issue.parentKey)],
    ["epic link", ctx.flavor === "cloud" ? epicParent : (issue) => text(issue.epicLinkKey)],
    // The simulator keeps no board rank; creation order is what a fresh board shows.
    ["rank", (issue) => Number(issue.id)],
  ]);
}

const NOT_SORTABLE = new Set(["labels", "text"]);

function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** ORDER BY as one comparator; ties are 0 so the caller's default order decides. */
export function compileOrder(orderBy: readonly JqlOrderKey[], ctx: JqlContext, problems: string[]): (a: JqlIssue, b: JqlIssue) => number {
  const keys = sortKeys(ctx);
  const comparators: ((a: JqlIssue, b: JqlIssue) => number)[] = [];
  for (const orderKey of orderBy) {
    const name = clauseFieldName(orderKey.field, ctx);
    const sortKey = keys.get(name);
    if (sortKey === undefined) {
      problems.push(NOT_SORTABLE.has(name) ? `Field '${orderKey.field}' does not support sorting.` : `Field '${orderKey.field}' does not exist or you do not have permission to view it.`);
      continue;
    }
    const sign = orderKey.direction === "desc" ? -1 : 1;
    comparators.push(sortKey === "issuekey" ? (a, b) => sign * byIssueKey(a, b) : (a, b) => sign * compareValues(sortKey(a), sortKey(b)));
  }
  if (comparators.length === 0) return () => 0;
  return (a, b) => {
    for (const comparator of comparators) {
      const result = comparator(a, b);
      if (result !== 0) return result;
    }
    return 0;
  };
}
