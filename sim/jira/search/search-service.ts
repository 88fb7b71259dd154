import { createHash } from "node:crypto";
import { JiraHttpError } from "../http/errors.ts";
import type { SimIssue, SimUser } from "../model/types.ts";
import type { SimRuntime } from "../runtime.ts";
import { compileJql, parseJql, type CompiledJql, type JqlContext, type JqlQuery } from "../jql/index.ts";
import { customFieldNames } from "../model/catalog.ts";
import { candidateIssueIds } from "./candidates.ts";
import { jqlUser, type JqlIssueView } from "./jql-view.ts";

type CompiledQuery = CompiledJql;
type CachedResult = { generation: number; ids: number[] };

/** Jira's JQL errors carry `errorMessages` in Jira's wording; they become a 400 with that body. */
function asJqlError(error: unknown): JiraHttpError | null {
  if (error instanceof Error && "errorMessages" in error && Array.isArray(error.errorMessages)) {
    return new JiraHttpError(400, error.errorMessages.map(String), {}, {}, { cause: error });
  }
  return null;
}

/**
 * Runs JQL over the issues the user may browse. Results are cached per (user, query) until the
 * next write, so paging through a large result costs O(page) after the first page.
 */
export class SearchService {
  private readonly cache = new Map<string, CachedResult>();
  private readonly cacheLimit = 200;

  constructor(private readonly runtime: SimRuntime) {}

  compile(user: SimUser | null, jql: string): CompiledQuery {
    return this.prepare(user, jql).compiled;
  }

  private prepare(user: SimUser | null, jql: string): { compiled: CompiledQuery; query: JqlQuery } {
    const store = this.runtime.store;
    const catalog = store.catalog;
    const context: JqlContext = {
      currentUser: user ? jqlUser(store, user) : null,
      now: new Date(),
      flavor: store.flavor,
      knownProjectKeys: new Set([...store.projects.values()].map((project) => project.key)),
      knownStatuses: new Set(catalog.statuses.map((status) => status.name)),
      knownIssueTypes: new Set(catalog.issueTypes.map((type) => type.name)),
      projectKeysById: new Map([...store.projects.values()].map((project) => [project.id, project.key])),
      statusNamesById: new Map(catalog.statuses.map((status) => [status.id, status.name])),
      issueTypeNamesById: new Map(catalog.issueTypes.map((type) => [type.id, type.name])),
      priorityOrder: catalog.priorities.map((priority) => priority.name),
      customFieldNames: customFieldNames(catalog),
    };
    try {
      const query = parseJql(jql);
      return { compiled: compileJql(query, context), query };
    } catch (error) {
      throw asJqlError(error) ?? error;
    }
  }

  /** All matching issue ids, ordered by the query's ORDER BY (then newest id first). */
  search(user: SimUser, jql: string, viewOf?: (issue: SimIssue) => JqlIssueView | null): number[] {
    const store = this.runtime.store;
    const cacheKey = `${user.key}\u0000${jql}`;
    const cached = viewOf ? undefined : this.cache.get(cacheKey);
    if (cached && cached.generation === store.generation) return cached.ids;
    const { compiled: query, query: parsed } = this.prepare(user, jql);
    const views = this.runtime.views;
    const matches: { id: number; view: JqlIssueView }[] = [];
    const browsable = new Set([...store.projects.keys()].filter((projectId) => store.hasProjectPermission(user, projectId, "BROWSE_PROJECTS")));
    const consider = (id: number) => {
      const issue = store.issues.get(id);
      if (!issue || !browsable.has(issue.projectId) || !store.mayViewSecuredIssue(user, issue)) return;
      const view = viewOf ? viewOf(issue) : views.of(issue);
      if (view && query.matches(view)) matches.push({ id, view });
    };
    const candidates = candidateIssueIds(store, parsed.where, customFieldNames(store.catalog));
    if (candidates) candidates.forEach(consider);
    else for (const projectId of browsable) for (const id of store.issuesInProject(projectId)) consider(id);
    matches.sort((a, b) => query.compare(a.view, b.view) || b.id - a.id);
    const ids = matches.map((match) => match.id);
    // Results seen through a lagging index change with time, not only with writes: never cached.
    if (viewOf) return ids;
    this.cache.set(cacheKey, { generation: store.generation, ids });
    if (this.cache.size > this.cacheLimit) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return ids;
  }

  /** Filter an already-selected set (e.g. an epic's children) with optional JQL. */
  filter(user: SimUser, issues: readonly SimIssue[], jql: string | undefined): SimIssue[] {
    if (!jql || jql.trim() === "") return [...issues];
    const query = this.compile(user, jql);
    const views = this.runtime.views;
    return issues.filter((issue) => query.matches(views.of(issue)));
  }

  clear(): void {
    this.cache.clear();
  }
}

/** Opaque Cloud page token: offset plus a fingerprint of the query it belongs to. */
export function encodePageToken(jql: string, offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset, q: fingerprint(jql) })).toString("base64url");
}

export function decodePageToken(jql: string, token: string): number {
  try {
    const decoded = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { o?: unknown; q?: unknown };
    if (typeof decoded.o === "number" && Number.isInteger(decoded.o) && decoded.o >= 0 && decoded.q === fingerprint(jql)) return decoded.o;
  } catch {
    // fall through to Jira's error
  }
  throw new JiraHttpError(400, ["The provided next page token is invalid or expired."]);
}

function fingerprint(jql: string): string {
  return createHash("sha1").update(jql).digest("hex").slice(0, 16);
}
