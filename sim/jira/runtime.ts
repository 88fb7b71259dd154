import { WriteCounter, type CommandDeps } from "./commands/deps.ts";
import { IssueEvents, type WebhookDispatcherPort } from "./events/issue-events.ts";
import { SiteEvents } from "./events/site-events.ts";
import { SimStore } from "./model/store.ts";
import type { ApiVersion, Flavor } from "./model/types.ts";
import { defaultFaults, type FaultConfig } from "./options.ts";
import type { RenderContext } from "./render/context.ts";
import { JqlViews } from "./search/jql-view.ts";
import { LaggingIndex } from "./search/lagging-index.ts";

export type RequestLogEntry = {
  at: string;
  method: string;
  path: string;
  query: string;
  status: number;
  user: string | null;
  durationMs: number;
  /** Cloud: whether the request came straight to the site or through the `/ex/jira/{cloudId}` gateway (`path` is the site path either way). */
  via: "site" | "gateway";
};

export type SiteSettings = {
  flavor: Flavor;
  /** Data Center major version (webhook admin API differs from 10). */
  version: 9 | 10;
  dcBasicAuth: boolean;
  baseUrl: string;
  /** Cloud only: the site's id in `/_edge/tenant_info` and in gateway URLs (`/ex/jira/{cloudId}`). */
  cloudId: string | null;
};

/** Everything one running simulator holds; routes and the control handle both work on it. */
export class SimRuntime {
  store: SimStore;
  deps: CommandDeps;
  views: JqlViews;
  /** Cloud search sees issues through this (the `searchIndexLagMs` fault). */
  index: LaggingIndex;
  faults: FaultConfig = defaultFaults();
  /** Ring buffer: a bounded log must not cost O(size) per request. */
  private readonly requestRing: (RequestLogEntry | undefined)[] = new Array<RequestLogEntry | undefined>(20_000);
  private requestCount = 0;
  readonly writes = new WriteCounter();
  /** Told after every issue create or change (benchmarks time "Jira has it" with this, no polling). */
  readonly writeListeners = new Set<(issueId: number) => void>();

  constructor(
    readonly site: SiteSettings,
    readonly dispatcher: WebhookDispatcherPort | null,
  ) {
    this.store = new SimStore(site.flavor);
    this.views = new JqlViews(this.store);
    this.index = this.buildIndex();
    this.deps = this.buildDeps();
  }

  /** Replace the whole site (reset / load snapshot). */
  replaceStore(store: SimStore): void {
    this.store = store;
    this.renderMemo = new Map();
    this.views = new JqlViews(store);
    this.index = this.buildIndex();
    this.deps = this.buildDeps();
  }

  private renderMemo = new Map<string, Map<string, unknown>>();

  render(version: ApiVersion): RenderContext {
    const memoKey = `${version}|${this.site.baseUrl}`;
    let memo = this.renderMemo.get(memoKey);
    if (!memo) this.renderMemo.set(memoKey, (memo = new Map()));
    return { store: this.store, baseUrl: this.site.baseUrl, version, memo };
  }

  logRequest(entry: RequestLogEntry): void {
    this.requestRing[this.requestCount % this.requestRing.length] = entry;
    this.requestCount++;
  }

  /** The most recent requests (up to 20,000), oldest first. */
  requestLog(): RequestLogEntry[] {
    const size = this.requestRing.length;
    const start = Math.max(0, this.requestCount - size);
    const entries: RequestLogEntry[] = [];
    for (let index = start; index < this.requestCount; index++) {
      const entry = this.requestRing[index % size];
      if (entry) entries.push(entry);
    }
    return entries;
  }

  clearRequestLog(): void {
    this.requestRing.fill(undefined);
    this.requestCount = 0;
  }

  private buildIndex(): LaggingIndex {
    const index = new LaggingIndex(this.store, () => (this.site.flavor === "cloud" ? this.faults.searchIndexLagMs : 0));
    this.store.observer = {
      before: (issue) => index.before(issue),
      written: (issueId) => {
        index.written(issueId);
        for (const listener of this.writeListeners) listener(issueId);
      },
    };
    return index;
  }

  private buildDeps(): CommandDeps {
    const events = new IssueEvents(this.store, this.site, this.dispatcher);
    const siteEvents = new SiteEvents(this.store, this.site, this.dispatcher);
    return { store: this.store, events, siteEvents, writes: this.writes, now: () => Date.now() };
  }
}
