/** Tether's own view of Jira: what crosses the JiraClient interface, the same for every flavour. */

// The connection settings, and the link / board / sprint / webhook shapes, live in their own files;
// re-exported here so `import type * as t from "./types.ts"` keeps naming every type.
export type * from "./types-connection.ts";
export type * from "./types-agile.ts";

/** Rich text as Jira holds it. Conversion to and from Markdown lives in `integrations/jira/formats/`. */
export type RichText = { kind: "adf"; doc: AdfDocument } | { kind: "wiki"; text: string };
export type AdfDocument = { type: "doc"; version: number; content: unknown[] } & Record<string, unknown>;

export type ServerInfo = {
  baseUrl: string;
  version: string;
  versionNumbers: number[];
  /** "Cloud", "Server" or "DataCenter" as Jira reports it. */
  deploymentType: string | null;
  serverTitle: string | null;
  serverTime: string | null;
};

/**
 * A Jira user. `id` is what Jira takes back when we assign: the accountId on Cloud, the
 * username (`name`) on Data Center. Email is often hidden on Cloud.
 */
export type JiraUser = {
  id: string;
  idKind: "accountId" | "name";
  /** Data Center's immutable user key (survives renames); null on Cloud. */
  key: string | null;
  displayName: string;
  email: string | null;
  active: boolean;
};

/** A user reference accepted for assignment: whatever `JiraUser.id` held. */
export type JiraUserId = string;

export type PermissionCheck = {
  /** null for a global permission check (e.g. ADMINISTER). */
  projectKey: string | null;
  permission: string;
  granted: boolean;
};

export type JiraProject = {
  id: string;
  key: string;
  name: string;
  projectTypeKey: string | null;
  /** Cloud team-managed (next-gen, `simplified: true`): its own issue types, statuses and fields. */
  teamManaged?: boolean;
};

export type JiraIssueType = {
  id: string;
  name: string;
  subtask: boolean;
  /** 1 = Epic, 0 = standard, -1 = sub-task. Derived on Data Center, which does not report it. */
  hierarchyLevel: number;
};

export type JiraFieldSchema = {
  type: string;
  /** Custom field type key, e.g. `com.pyxis.greenhopper.jira:gh-epic-link`. */
  custom: string | null;
  customId: number | null;
  items: string | null;
  system: string | null;
};

export type JiraField = {
  id: string;
  name: string;
  custom: boolean;
  schema: JiraFieldSchema | null;
  /** JQL names, e.g. `cf[10014]`, `"Epic Link"`. */
  clauseNames: string[];
  /** Set for a team-managed project's own field: it exists in that project only. */
  scopeProjectId?: string | null;
};

/** Custom fields Tether needs, found by schema type first and name second (null: not on this Jira). */
export type FieldRoles = {
  epicLink: string | null;
  epicName: string | null;
  storyPoints: string | null;
  sprint: string | null;
};

export type JiraPriority = { id: string; name: string };

/** Status category keys: `new` (To Do), `indeterminate` (In Progress), `done`. */
export type JiraStatus = { id: string; name: string; categoryKey: string | null };

export type ProjectIssueTypeStatuses = {
  issueTypeId: string;
  issueTypeName: string;
  statuses: JiraStatus[];
};

export type TransitionField = {
  id: string;
  name: string;
  required: boolean;
  schemaType: string | null;
  allowedValues: unknown[] | null;
};

export type JiraTransition = {
  id: string;
  name: string;
  to: JiraStatus;
  hasScreen: boolean;
  /** Empty unless requested with `expandFields`. */
  fields: TransitionField[];
};

export type ChangelogItem = {
  field: string;
  fieldId: string | null;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
};

export type ChangelogEntry = {
  id: string;
  created: string;
  author: JiraUser | null;
  items: ChangelogItem[];
};

export type JiraIssue = {
  id: string;
  key: string;
  projectKey: string | null;
  summary: string | null;
  description: RichText | null;
  issueType: JiraIssueType | null;
  status: JiraStatus | null;
  assignee: JiraUser | null;
  /** Epic (or other parent) key: Cloud `parent`, Data Center the Epic Link field. */
  parentKey: string | null;
  created: string | null;
  updated: string | null;
  /** Every field Jira returned, raw (custom fields are read through the field mapping). */
  fields: Record<string, unknown>;
  /** Present only when asked for with `expandChangelog`. */
  changelog: ChangelogEntry[] | null;
};

/** Fields set on create. `fields` are raw Jira field values keyed by field id (custom fields). */
export type IssueDraft = {
  projectKey: string;
  issueTypeId: string;
  summary: string;
  description?: RichText;
  /** The Epic this issue belongs to. */
  epicKey?: string;
  /** Data Center only needs it (Epic Name is required there); defaults to the summary. */
  epicName?: string;
  assigneeId?: JiraUserId;
  priorityId?: string;
  labels?: string[];
  fields?: Record<string, unknown>;
  /** Issue properties set with the create (invisible to people; Tether marks its Epics this way). */
  properties?: Record<string, unknown>;
};

export type IssueChanges = {
  summary?: string;
  description?: RichText | null;
  priorityId?: string;
  /** Replaces the whole label set; prefer `update` add/remove so labels added in Jira survive. */
  labels?: string[];
  /** null unassigns; set in the same PUT as the other fields (one write). */
  assigneeId?: JiraUserId | null;
  /** User-picker custom fields by field id (null clears), sent as each flavour refers to users. */
  userFields?: Record<string, JiraUserId | null>;
  fields?: Record<string, unknown>;
  /** Jira's `update` operations per field, e.g. `{ labels: [{ add: "x" }, { remove: "y" }] }`. */
  update?: Record<string, Array<Record<string, unknown>>>;
};

export type CreatedIssue = { id: string; key: string };

export type BulkCreateResult = {
  /** `index` is the position in the drafts passed in. */
  created: Array<CreatedIssue & { index: number }>;
  failed: Array<{ index: number; status: number | null; errorMessages: string[]; fieldErrors: Record<string, string> }>;
};

export type BulkFetchResult = { issues: JiraIssue[]; missingKeys: string[] };

/** One page of issues; `cursor` is opaque (Cloud `nextPageToken`, Data Center offset). */
export type IssuePage = {
  issues: JiraIssue[];
  nextCursor: string | null;
  /** Data Center knows it; Cloud's `search/jql` does not report a total. */
  total: number | null;
};

/** An issue named by id and key only (searches that read no fields). */
export type IssueRef = { id: string; key: string };
/** One page of a key-only search; pass `nextCursor` back for the next. */
export type IssueRefPage = { refs: IssueRef[]; nextCursor: string | null };

export type SearchOptions = {
  fields?: string[];
  pageSize?: number;
  expandChangelog?: boolean;
  /**
   * Cloud only (`reconcileIssues`): ids of issues just written, so the answer reflects their
   * current state even while the search index lags. Data Center's index is immediate; ignored there.
   */
  reconcileIssues?: string[];
};

/** One allowed value of a screen field (priority, option, issue type, …): whichever of id/name/value Jira gives. */
export type ScreenFieldValue = { id: string | null; name: string | null; value: string | null };

/** A field on an issue's edit screen (editmeta) or a project's create screen (createmeta). */
export type ScreenField = {
  id: string;
  name: string;
  required: boolean;
  /** Jira's schema type (`string`, `number`, `array`, `option`, `user`, `date`, …); null when Jira gives none. */
  schemaType: string | null;
  /** Item type of an array field (`string` for labels, `option`, …). */
  schemaItems: string | null;
  custom: boolean;
  /** null when Jira lists no values (free text, numbers, users). */
  allowedValues: ScreenFieldValue[] | null;
  /** `set`, `add`, `remove`, `edit`. */
  operations: string[];
};
