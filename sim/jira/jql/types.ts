/** A user as JQL sees one: Cloud fills `accountId`, Data Center fills `name`/`key`. */
export type JqlUserRef = { accountId?: string; name?: string; key?: string; displayName: string; email?: string };

/** The flattened view of an issue that JQL clauses and ORDER BY read. */
export type JqlIssue = {
  id: string;
  key: string;
  projectKey: string;
  issueType: string;
  parentKey: string | null;
  epicLinkKey: string | null;
  status: string;
  statusCategory: "new" | "indeterminate" | "done";
  assignee: JqlUserRef | null;
  labels: readonly string[];
  summary: string;
  created: Date;
  updated: Date;
  priority: string | null;
};

/**
 * What compiling a query needs to know about the site. The known-* sets hold names (matched
 * case-insensitively); when a set is absent, values for that field are not validated.
 */
export type JqlContext = {
  currentUser: JqlUserRef | null;
  now: Date;
  flavor: "cloud" | "datacenter";
  knownProjectKeys?: ReadonlySet<string>;
  knownStatuses?: ReadonlySet<string>;
  knownIssueTypes?: ReadonlySet<string>;
  /** Numeric ids Jira accepts in place of names: id → project key / status name / issue type name. */
  projectKeysById?: ReadonlyMap<string, string>;
  statusNamesById?: ReadonlyMap<string, string>;
  issueTypeNamesById?: ReadonlyMap<string, string>;
  /** Priority names, highest first; enables `priority > Low` and ORDER BY priority by rank. */
  priorityOrder?: readonly string[];
  /** Custom field id number → field name, so `cf[10100]` means the same as `"Epic Link"`. */
  customFieldNames?: ReadonlyMap<string, string>;
};

export type JqlOperator = "=" | "!=" | ">" | ">=" | "<" | "<=" | "~" | "!~" | "in" | "not in" | "is" | "is not";

/** Where a token starts, as Jira reports it: 1-based line and character. */
export type JqlPosition = { line: number; character: number };

export type JqlValue =
  | { kind: "text"; text: string; quoted: boolean; position: JqlPosition }
  | { kind: "empty"; position: JqlPosition }
  | { kind: "function"; name: string; args: readonly string[]; position: JqlPosition }
  | { kind: "list"; items: readonly JqlValue[]; position: JqlPosition };

export type JqlClause = { kind: "clause"; field: string; operator: JqlOperator; value: JqlValue; position: JqlPosition };

export type JqlNode =
  | JqlClause
  | { kind: "and"; children: readonly JqlNode[] }
  | { kind: "or"; children: readonly JqlNode[] }
  | { kind: "not"; child: JqlNode };

export type JqlOrderKey = { field: string; direction: "asc" | "desc"; explicitDirection: boolean };

/** A parsed query. `where` is null for an empty query or one with only ORDER BY. */
export type JqlQuery = { where: JqlNode | null; orderBy: readonly JqlOrderKey[] };

export type CompiledJql = {
  matches(issue: JqlIssue): boolean;
  compare(a: JqlIssue, b: JqlIssue): number;
  hasOrderBy: boolean;
};
