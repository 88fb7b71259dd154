/** The simulator's own records. REST shapes are produced from these by the presenters in ../render. */

export type Flavor = "cloud" | "datacenter";
export type ApiVersion = 2 | 3;
export type StatusCategoryKey = "new" | "indeterminate" | "done";

/** ADF document as Jira Cloud stores rich text. Only paragraphs/text/hardBreak are produced by the sim. */
export type AdfNode = { type: string; text?: string; content?: AdfNode[]; attrs?: Record<string, unknown>; marks?: unknown[] };
export type AdfDoc = { type: "doc"; version: 1; content: AdfNode[] };

/** Rich text is stored once: ADF on Cloud, a wiki-markup string on Data Center. */
export type RichText = { kind: "adf"; doc: AdfDoc } | { kind: "wiki"; text: string };

export const projectPermissionKeys = [
  "BROWSE_PROJECTS",
  "CREATE_ISSUES",
  "EDIT_ISSUES",
  "TRANSITION_ISSUES",
  "LINK_ISSUES",
  "ASSIGN_ISSUES",
  "ASSIGNABLE_USER",
  "DELETE_ISSUES",
  "CLOSE_ISSUES",
  "RESOLVE_ISSUES",
  "SCHEDULE_ISSUES",
  "MANAGE_SPRINTS_PERMISSION",
  "VIEW_READONLY_WORKFLOW",
  "ADD_COMMENTS",
  "EDIT_ALL_COMMENTS",
  "EDIT_OWN_COMMENTS",
  "DELETE_ALL_COMMENTS",
  "DELETE_OWN_COMMENTS",
  "ADMINISTER_PROJECTS",
] as const;
export type ProjectPermissionKey = (typeof projectPermissionKeys)[number];
export const globalPermissionKeys = ["ADMINISTER", "SYSTEM_ADMIN", "USER_PICKER", "CREATE_SHARED_OBJECTS"] as const;
export type GlobalPermissionKey = (typeof globalPermissionKeys)[number];
export type PermissionKey = ProjectPermissionKey | GlobalPermissionKey;

export type SimUser = {
  /** Cloud identity. */
  accountId: string;
  /** Data Center identity (username) and user key. */
  name: string;
  key: string;
  displayName: string;
  email: string;
  /** Cloud profile visibility: many real users hide their email. */
  emailVisible: boolean;
  /** Cloud API token (basic auth email:token). */
  apiToken: string;
  /**
   * Cloud API tokens with scopes: same basic auth, but accepted only through the
   * `/ex/jira/{cloudId}` gateway, never on the site URL.
   */
  scopedApiTokens: string[];
  /** Data Center password (basic auth) and Personal Access Tokens (Bearer). */
  password: string;
  personalAccessTokens: string[];
  siteAdmin: boolean;
  active: boolean;
  timeZone: string;
  accountType: "atlassian" | "app";
};

export type SimProject = {
  id: string;
  key: string;
  name: string;
  description: string;
  leadKey: string;
  /** Next issue number (KEY-n). */
  nextIssueNumber: number;
  /**
   * Cloud project kind: `classic` (company-managed, shares the site's schemes) or `next-gen`
   * (team-managed, `simplified: true`: its own issue types, statuses, workflow and fields).
   * Absent = classic.
   */
  style?: ProjectStyle;
};

export type ProjectStyle = "classic" | "next-gen";

/** Set on issue types, statuses, transitions and fields that belong to one team-managed project. */
export type ProjectScope = { scopeProjectId?: string };

/** An issue security level: only its members see issues that carry it (everyone else gets 404). */
export type SecurityLevel = { id: string; name: string; description: string; memberKeys: string[] };

export type IssueTypeDef = {
  id: string;
  name: string;
  description: string;
  subtask: boolean;
  hierarchyLevel: number;
  avatarId: number;
  entityId: string;
} & ProjectScope;

export type StatusDef = { id: string; name: string; description: string; category: StatusCategoryKey } & ProjectScope;

export type TransitionScreenField = { fieldId: string; required: boolean };
export type TransitionDef = {
  id: string;
  name: string;
  /** Status ids this transition leaves from; empty = global (from any status). */
  from: readonly string[];
  to: string;
  screen: readonly TransitionScreenField[];
  /** Clears the resolution (reopen-type transitions). */
  clearsResolution: boolean;
} & ProjectScope;

export type FieldSchema = { type: string; items?: string; system?: string; custom?: string; customId?: number };
export type FieldOption = { id: string; value: string };
export type FieldDef = {
  id: string;
  name: string;
  custom: boolean;
  navigable: boolean;
  orderable: boolean;
  searchable: boolean;
  clauseNames: string[];
  schema: FieldSchema | null;
  options?: readonly FieldOption[];
} & ProjectScope;

export type PriorityDef = { id: string; name: string; description: string; statusColor: string; iconName: string };
export type ResolutionDef = { id: string; name: string; description: string };
export type LinkTypeDef = { id: string; name: string; inward: string; outward: string };

export type ChangeItem = {
  field: string;
  fieldtype: "jira" | "custom";
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
};
export type ChangeGroup = { id: string; authorKey: string; created: number; items: ChangeItem[] };

export type SimComment = {
  id: string;
  authorKey: string;
  updateAuthorKey: string;
  body: RichText;
  created: number;
  updated: number;
};

export type SimIssueLink = { id: string; typeId: string; inwardIssueId: number; outwardIssueId: number };

/** Custom field values in the sim's internal form (numbers, option ids, strings, option-id lists, rich text). */
export type CustomValue = number | string | readonly string[] | RichText | null;

export type SimIssue = {
  id: number;
  key: string;
  projectId: string;
  issueTypeId: string;
  statusId: string;
  summary: string;
  description: RichText | null;
  assigneeKey: string | null;
  reporterKey: string | null;
  creatorKey: string;
  priorityId: string | null;
  labels: string[];
  /** Cloud: parent epic or parent of a subtask. Data Center: only the parent of a subtask. */
  parentId: number | null;
  /** Data Center "Epic Link". */
  epicLinkId: number | null;
  /** Data Center "Epic Name". */
  epicName: string | null;
  /** Sprint ids (latest last). */
  sprintIds: number[];
  resolutionId: string | null;
  resolutionDate: number | null;
  dueDate: string | null;
  custom: Record<string, CustomValue>;
  created: number;
  updated: number;
  statusCategoryChanged: number;
  comments: SimComment[];
  properties: Record<string, unknown>;
  changelog: ChangeGroup[];
  /** Issue security level id (absent or null: every browser of the project sees the issue). */
  securityLevelId?: string | null;
};

export type SprintState = "future" | "active" | "closed";
export type SimSprint = {
  id: number;
  name: string;
  state: SprintState;
  boardId: number;
  goal: string;
  startDate: number | null;
  endDate: number | null;
  completeDate: number | null;
  createdDate: number;
};
export type SimBoard = { id: number; name: string; type: "scrum" | "kanban"; projectId: string };

export type WebhookRegistration = {
  id: string;
  name: string;
  url: string;
  events: readonly string[];
  jqlFilter: string | null;
  secret: string | null;
  enabled: boolean;
};
