import { compileJql, parseJql, type JqlIssue, type JqlQuery } from "../jql/index.ts";

/**
 * Webhook JQL filters. Parsed once per text; compiled per event because relative dates
 * (`updated > -1h`) move with the clock, and compiling is cheap next to an HTTP POST.
 * A filter Jira would reject never matches: a bad filter silences the webhook.
 */
export class WebhookFilters {
  private readonly parsed = new Map<string, JqlQuery | null>();

  constructor(
    private readonly flavor: "cloud" | "datacenter",
    private readonly log: (msg: string, data?: object) => void,
    private readonly customFieldNames: ReadonlyMap<string, string> = new Map(),
  ) {}

  matches(filter: string | null, issue: JqlIssue): boolean {
    if (filter === null || filter.trim() === "") return true;
    const query = this.queryFor(filter);
    if (!query) return false;
    try {
      return compileJql(query, { currentUser: null, now: new Date(), flavor: this.flavor, customFieldNames: this.customFieldNames }).matches(issue);
    } catch (error) {
      // Remembered as invalid so the log says it once, not on every event.
      this.parsed.set(filter, null);
      this.log("webhook JQL filter is not valid; it matches nothing", { filter, error: error instanceof Error ? error.message : String(error) });
      return false;
    }
  }

  private queryFor(filter: string): JqlQuery | null {
    if (this.parsed.has(filter)) return this.parsed.get(filter) ?? null;
    let query: JqlQuery | null = null;
    try {
      query = parseJql(filter);
    } catch (error) {
      this.log("webhook JQL filter does not parse; it matches nothing", { filter, error: error instanceof Error ? error.message : String(error) });
    }
    if (this.parsed.size > 500) this.parsed.clear();
    this.parsed.set(filter, query);
    return query;
  }
}
