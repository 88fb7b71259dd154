import type {
  BulkCreateResult,
  BulkFetchResult,
  CreatedIssue,
  FieldRoles,
  IssueChanges,
  IssueDraft,
  IssueLink,
  IssueLinkDraft,
  IssueLinkType,
  IssueRefPage,
  IssuePage,
  JiraBoard,
  JiraField,
  JiraFlavor,
  JiraIssue,
  JiraIssueType,
  JiraPriority,
  JiraProject,
  JiraSprint,
  JiraStatus,
  JiraTransition,
  JiraUser,
  JiraUserId,
  JiraWebhook,
  PermissionCheck,
  ProjectIssueTypeStatuses,
  RichText,
  ScreenField,
  SearchOptions,
  ServerInfo,
  SprintDraft,
  WebhookDraft,
} from "./types.ts";

/**
 * Everything Tether asks of Jira. One implementation per flavour (cloud.ts, datacenter.ts);
 * nothing outside `integrations/jira/client/` branches on the flavour.
 *
 * Every method either returns parsed data or throws a `JiraError` (see errors.ts). Iterators fetch
 * one page at a time, only when the consumer asks for more.
 */
export interface JiraClient {
  readonly flavor: JiraFlavor;

  serverInfo(): Promise<ServerInfo>;
  myself(): Promise<JiraUser>;
  /** One check per (project, permission); an empty `projectKeys` checks global permissions. */
  myPermissions(projectKeys: string[], permissions: string[]): Promise<PermissionCheck[]>;

  listProjects(): AsyncIterable<JiraProject>;
  getProject(projectKey: string): Promise<JiraProject>;
  issueTypesForProject(projectKey: string): Promise<JiraIssueType[]>;
  /** The project's Epic type (hierarchy level 1, or named "Epic"); null when it has none. */
  epicIssueType(projectKey: string): Promise<JiraIssueType | null>;
  fields(): Promise<JiraField[]>;
  fieldRoles(): Promise<FieldRoles>;
  priorities(): Promise<JiraPriority[]>;
  statuses(): Promise<JiraStatus[]>;
  projectStatuses(projectKey: string): Promise<ProjectIssueTypeStatuses[]>;

  /** The issue's edit screen as the caller sees it (empty without Edit Issues). */
  editMeta(issueKey: string): Promise<ScreenField[]>;
  /** The create screen of a project's issue type, every page. */
  createMeta(projectKey: string, issueTypeId: string): Promise<ScreenField[]>;

  getTransitions(issueKey: string, options?: { expandFields?: boolean }): Promise<JiraTransition[]>;
  transitionIssue(issueKey: string, transitionId: string, fields?: Record<string, unknown>): Promise<void>;

  /** Never retried by the client: on a broken connection the error says `mayHaveCommitted`. */
  createIssue(draft: IssueDraft): Promise<CreatedIssue>;
  /** Sent in chunks of ≤ 50; a failed chunk throws, failed elements are reported per draft. */
  createIssuesBulk(drafts: IssueDraft[]): Promise<BulkCreateResult>;
  getIssue(issueKey: string, options?: { fields?: string[]; expandChangelog?: boolean }): Promise<JiraIssue>;
  bulkFetch(issueKeys: string[], options?: { fields?: string[] }): Promise<BulkFetchResult>;
  editIssue(issueKey: string, changes: IssueChanges): Promise<void>;
  deleteIssue(issueKey: string, options?: { deleteSubtasks?: boolean }): Promise<void>;
  /** The property's JSON value; null when the issue has no such property (Jira answers 404). */
  getIssueProperty(issueKey: string, key: string): Promise<unknown>;
  /** Creates or replaces the property (Edit Issues needed). */
  setIssueProperty(issueKey: string, key: string, value: unknown): Promise<void>;
  /** null unassigns. */
  assignIssue(issueKey: string, assignee: JiraUserId | null): Promise<void>;

  /** One page; pass the returned `nextCursor` back for the next one. */
  searchIssuesPage(jql: string, options?: SearchOptions & { cursor?: string | null }): Promise<IssuePage>;
  /** Streams every matching issue, one page in memory at a time. */
  searchIssues(jql: string, options?: SearchOptions): AsyncIterable<JiraIssue>;
  /** JQL selecting an Epic's children (combine with filters, page with searchIssuesPage). */
  epicChildrenJql(epicKey: string): Promise<string>;
  epicChildren(epicKey: string, options?: SearchOptions): AsyncIterable<JiraIssue>;

  /** Builds the flavour's rich text from plain text (for markers and simple values). */
  plainText(text: string): RichText;

  listIssueLinkTypes(): Promise<IssueLinkType[]>;
  createIssueLink(link: IssueLinkDraft): Promise<void>;
  /** The issue's links (id, type, the other issue), read from its `issuelinks` field. */
  issueLinks(issueKey: string): Promise<IssueLink[]>;
  deleteIssueLink(linkId: string): Promise<void>;
  searchUsers(query: string, options?: { maxResults?: number }): Promise<JiraUser[]>;
  /** Users who may be assigned issues in the project, narrowed by `query` (name, username or email prefix) when given. */
  assignableUsers(projectKey: string, options?: { query?: string; maxResults?: number }): Promise<JiraUser[]>;
  /** One page of the ids and keys a JQL selects, no field values read (filters that must not fetch issue content). */
  searchIssueRefsPage(jql: string, options?: { cursor?: string | null; pageSize?: number }): Promise<IssueRefPage>;

  boardsForProject(projectKey: string): AsyncIterable<JiraBoard>;
  /** A board the account can see (Jira answers 404 for one it cannot). */
  getBoard(boardId: number): Promise<JiraBoard>;
  sprintsForBoard(boardId: number, options?: { states?: Array<"future" | "active" | "closed"> }): AsyncIterable<JiraSprint>;
  /** One sprint (Jira answers 404 for a deleted one, or one on a board the account cannot see). */
  getSprint(sprintId: number): Promise<JiraSprint>;
  createSprint(draft: SprintDraft): Promise<JiraSprint>;
  moveIssuesToSprint(sprintId: number, issueKeys: string[]): Promise<void>;
  moveIssuesToBacklog(issueKeys: string[]): Promise<void>;

  /** Admin webhooks (need Jira admin rights). */
  listWebhooks(): Promise<JiraWebhook[]>;
  registerWebhook(draft: WebhookDraft): Promise<JiraWebhook>;
  deleteWebhook(webhookId: string): Promise<void>;
}
