import { clauseFieldName } from "../jql/index.ts";
import type { JqlNode, JqlValue } from "../jql/types.ts";
import type { SimStore } from "../model/store.ts";

const keyFields = new Set(["key", "issuekey", "id", "issue"]);

/**
 * Narrows a query to the issues an index can name (`parent = X`, `"Epic Link" = X`, `key = X`,
 * `project = X`, their IN lists, and ANDs/ORs of them), so typical queries cost O(result) rather
 * than a scan of the site. Null means "no index applies"; the JQL predicate still runs on every
 * candidate, so narrowing never changes the answer.
 */
export function candidateIssueIds(store: SimStore, where: JqlNode | null, customFieldNames: ReadonlyMap<string, string> = new Map()): ReadonlySet<number> | null {
  if (!where) return null;
  switch (where.kind) {
    case "clause": {
      if (where.operator !== "=" && where.operator !== "in") return null;
      const texts = valueTexts(where.value);
      if (!texts) return null;
      const ids = new Set<number>();
      const field = clauseFieldName(where.field, { customFieldNames });
      for (const text of texts) {
        const found = lookup(store, field, text);
        if (found === null) return null;
        for (const id of found) ids.add(id);
      }
      return ids;
    }
    case "and": {
      let smallest: ReadonlySet<number> | null = null;
      for (const child of where.children) {
        const candidates = candidateIssueIds(store, child, customFieldNames);
        if (candidates && (!smallest || candidates.size < smallest.size)) smallest = candidates;
      }
      return smallest;
    }
    case "or": {
      const union = new Set<number>();
      for (const child of where.children) {
        const candidates = candidateIssueIds(store, child, customFieldNames);
        if (!candidates) return null;
        for (const id of candidates) union.add(id);
      }
      return union;
    }
    case "not":
      return null;
  }
}

function valueTexts(value: JqlValue): string[] | null {
  if (value.kind === "text") return [value.text];
  if (value.kind === "list" && value.items.every((item) => item.kind === "text")) return value.items.map((item) => (item.kind === "text" ? item.text : ""));
  return null;
}

function lookup(store: SimStore, field: string, text: string): Iterable<number> | null {
  if (keyFields.has(field)) {
    const issue = store.issueByIdOrKey(text);
    return issue ? [issue.id] : [];
  }
  if (field === "parent" || (field === "epic link" && store.flavor === "cloud")) {
    const parent = store.issueByIdOrKey(text);
    return parent ? store.childrenOf(parent.id).map((child) => child.id) : [];
  }
  if (field === "epic link") {
    const epic = store.issueByIdOrKey(text);
    return epic ? store.epicLinkedChildrenOf(epic.id).map((child) => child.id) : [];
  }
  if (field === "project") {
    const project = store.projectByIdOrKey(text) ?? [...store.projects.values()].find((candidate) => candidate.name.toLowerCase() === text.toLowerCase());
    return project ? store.issuesInProject(project.id) : [];
  }
  return null;
}
