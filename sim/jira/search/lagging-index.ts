import type { SimStore } from "../model/store.ts";
import type { SimIssue } from "../model/types.ts";
import { buildView, type JqlIssueView } from "./jql-view.ts";

type Entry = { at: number; view: JqlIssueView };

/**
 * Jira Cloud's search index trails writes (the `searchIndexLagMs` fault): a search sees each issue
 * as it was `lag` ms ago — a new issue is missing, an edited one still matches its old labels,
 * status, summary… Issues named in `reconcileIssues` are read fresh, as Cloud promises.
 *
 * The store reports every write (before and after it), and this keeps the views the index would
 * hold, pruned to what the current lag can still need.
 */
export class LaggingIndex {
  private readonly history = new Map<number, Entry[]>();

  constructor(
    private readonly store: SimStore,
    private readonly lagMs: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Called before an existing issue changes: keeps the state the index still shows during the lag. */
  before(issue: SimIssue): void {
    if (this.lagMs() <= 0 || this.history.has(issue.id)) return;
    this.history.set(issue.id, [{ at: Number.NEGATIVE_INFINITY, view: buildView(this.store, issue) }]);
  }

  /** Called after an issue was created or changed. */
  written(issueId: number): void {
    const lag = this.lagMs();
    if (lag <= 0) {
      this.history.clear();
      return;
    }
    const issue = this.store.issues.get(issueId);
    if (!issue) return;
    const now = this.now();
    const entries = this.history.get(issueId) ?? [];
    // A new issue enters the index when created; a change with no recorded earlier state (a
    // comment on an untouched issue) counts as indexed already.
    const fresh = this.store.issueVersion(issueId) === 1;
    const at = entries.length > 0 ? now : fresh ? issue.created : Number.NEGATIVE_INFINITY;
    // Already indexed with no earlier state to show: nothing to remember (bulk seeds stay cheap).
    if (entries.length === 0 && at <= now - lag) return;
    entries.push({ at, view: buildView(this.store, issue) });
    this.history.set(issueId, prune(entries, now - lag));
  }

  /** The issue as the index holds it now; null while a new issue is not indexed yet. */
  indexed(issue: SimIssue, current: () => JqlIssueView): JqlIssueView | null {
    const lag = this.lagMs();
    if (lag <= 0) return current();
    const cutoff = this.now() - lag;
    const entries = this.history.get(issue.id);
    if (!entries) return issue.created <= cutoff ? current() : null;
    let found: Entry | undefined;
    for (const entry of entries) if (entry.at <= cutoff) found = entry;
    return found ? found.view : null;
  }
}

/** Keeps the newest entry at or before the cutoff and everything after it. */
function prune(entries: Entry[], cutoff: number): Entry[] {
  let keepFrom = 0;
  entries.forEach((entry, index) => {
    if (entry.at <= cutoff) keepFrom = index;
  });
  return entries.slice(keepFrom);
}
