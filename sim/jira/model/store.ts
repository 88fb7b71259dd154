import { buildCatalog, type Catalog } from "./catalog.ts";
import { addTeamManagedScheme, projectScheme, type ProjectScheme } from "./project-scheme.ts";
import { copyScreens, defaultScreens, screenKey, type IssueScreens } from "./screens.ts";
import type {
  Flavor,
  ProjectPermissionKey,
  SimBoard,
  SimIssue,
  SimIssueLink,
  SecurityLevel,
  SimProject,
  SimSprint,
  SimUser,
  WebhookRegistration,
} from "./types.ts";

/** Told about every issue write; the lagging search index listens. */
export type IssueWriteObserver = { before(issue: SimIssue): void; written(issueId: number): void };

export type Counters = {
  issueId: number;
  commentId: number;
  changeGroupId: number;
  linkId: number;
  sprintId: number;
  boardId: number;
  webhookId: number;
  projectId: number;
};

/**
 * The in-memory Jira site. Indexed by id, key, project, parent and epic so that gets and
 * child listings cost O(result), not O(site).
 */
export class SimStore {
  readonly catalog: Catalog;
  readonly users = new Map<string, SimUser>(); // by user key
  private readonly usersByAccountId = new Map<string, SimUser>();
  private readonly usersByName = new Map<string, SimUser>();
  private readonly usersByEmail = new Map<string, SimUser>();
  readonly projects = new Map<string, SimProject>(); // by id
  private readonly projectsByKey = new Map<string, SimProject>();
  readonly issues = new Map<number, SimIssue>();
  private readonly issuesByKey = new Map<string, SimIssue>();
  private readonly issuesByProject = new Map<string, Set<number>>();
  private readonly childrenByParent = new Map<number, Set<number>>();
  private readonly childrenByEpicLink = new Map<number, Set<number>>();
  private readonly issuesBySprint = new Map<number, Set<number>>();
  readonly links = new Map<string, SimIssueLink>();
  private readonly linksByIssue = new Map<number, Set<string>>();
  readonly boards = new Map<number, SimBoard>();
  readonly sprints = new Map<number, SimSprint>();
  readonly webhooks = new Map<string, WebhookRegistration>();
  /** Issue security levels by id (one scheme for the site). */
  readonly securityLevels = new Map<string, SecurityLevel>();
  /** userKey -> projectId -> granted project permissions. */
  readonly permissions = new Map<string, Map<string, Set<ProjectPermissionKey>>>();
  /** Screens changed from the default scheme, by `projectId/issueTypeId`. */
  readonly screens = new Map<string, IssueScreens>();
  counters: Counters = { issueId: 10000, commentId: 10000, changeGroupId: 10000, linkId: 10000, sprintId: 1, boardId: 1, webhookId: 1, projectId: 10000 };
  observer: IssueWriteObserver | null = null;
  /** Bumped on every issue write or delete; cached search results compare it. */
  generation = 0;
  /** Per-issue write versions; lets caches (JQL views) know they are stale. */
  private readonly issueVersions = new Map<number, number>();

  constructor(readonly flavor: Flavor) {
    this.catalog = buildCatalog(flavor);
  }

  // users
  addUser(user: SimUser): void {
    this.users.set(user.key, user);
    this.usersByAccountId.set(user.accountId, user);
    this.usersByName.set(user.name.toLowerCase(), user);
    this.usersByEmail.set(user.email.toLowerCase(), user);
  }
  userByKey(key: string): SimUser | undefined {
    return this.users.get(key);
  }
  userByAccountId(accountId: string): SimUser | undefined {
    return this.usersByAccountId.get(accountId);
  }
  userByName(name: string): SimUser | undefined {
    return this.usersByName.get(name.toLowerCase());
  }
  userByEmail(email: string): SimUser | undefined {
    return this.usersByEmail.get(email.toLowerCase());
  }

  // projects
  addProject(project: SimProject): void {
    this.projects.set(project.id, project);
    this.projectsByKey.set(project.key, project);
    if (!this.issuesByProject.has(project.id)) this.issuesByProject.set(project.id, new Set());
    if (project.style === "next-gen") addTeamManagedScheme(this.catalog, project);
  }
  /** The issue types, statuses, workflow and fields a project uses (its own when team-managed). */
  schemeOf(projectId: string): ProjectScheme {
    const project = this.projects.get(projectId);
    if (!project) throw new Error(`unknown project ${projectId}`);
    return projectScheme(this.catalog, project);
  }

  // issue security
  /** False when the issue carries a security level the user is not a member of. */
  mayViewSecuredIssue(user: SimUser, issue: SimIssue): boolean {
    if (!issue.securityLevelId) return true;
    return this.securityLevels.get(issue.securityLevelId)?.memberKeys.includes(user.key) ?? false;
  }
  projectByIdOrKey(idOrKey: string): SimProject | undefined {
    return this.projects.get(idOrKey) ?? this.projectsByKey.get(idOrKey.toUpperCase());
  }
  projectOf(issue: SimIssue): SimProject {
    const project = this.projects.get(issue.projectId);
    if (!project) throw new Error(`issue ${issue.key} has no project ${issue.projectId}`);
    return project;
  }

  // screens
  /** The create and edit screens of one project's issue type (the default scheme unless changed). */
  screensFor(projectId: string, issueTypeId: string): IssueScreens {
    const changed = this.screens.get(screenKey(projectId, issueTypeId));
    if (changed) return changed;
    const type = this.catalog.issueTypes.find((candidate) => candidate.id === issueTypeId);
    if (!type) throw new Error(`unknown issue type ${issueTypeId}`);
    return defaultScreens(this.catalog.flavor, this.schemeOf(projectId), type);
  }
  /** A copy of the screens to change and store back with `setScreens`. */
  setScreens(projectId: string, issueTypeId: string, screens: IssueScreens): void {
    this.screens.set(screenKey(projectId, issueTypeId), copyScreens(screens));
  }

  // permissions
  grant(userKey: string, projectId: string, permissions: Iterable<ProjectPermissionKey>): void {
    let byProject = this.permissions.get(userKey);
    if (!byProject) this.permissions.set(userKey, (byProject = new Map()));
    byProject.set(projectId, new Set(permissions));
  }
  projectPermissions(userKey: string, projectId: string): ReadonlySet<ProjectPermissionKey> {
    return this.permissions.get(userKey)?.get(projectId) ?? emptyPermissions;
  }
  hasProjectPermission(user: SimUser, projectId: string, permission: ProjectPermissionKey): boolean {
    return this.projectPermissions(user.key, projectId).has(permission);
  }

  // issues
  issueByIdOrKey(idOrKey: string): SimIssue | undefined {
    if (/^\d+$/.test(idOrKey)) return this.issues.get(Number(idOrKey));
    return this.issuesByKey.get(idOrKey.toUpperCase());
  }
  insertIssue(issue: SimIssue): void {
    this.issues.set(issue.id, issue);
    this.issuesByKey.set(issue.key, issue);
    addTo(this.issuesByProject, issue.projectId, issue.id);
    if (issue.parentId !== null) addTo(this.childrenByParent, issue.parentId, issue.id);
    if (issue.epicLinkId !== null) addTo(this.childrenByEpicLink, issue.epicLinkId, issue.id);
    for (const sprintId of issue.sprintIds) addTo(this.issuesBySprint, sprintId, issue.id);
    this.bump(issue.id);
  }
  removeIssue(issue: SimIssue): void {
    this.issues.delete(issue.id);
    this.issuesByKey.delete(issue.key);
    this.issuesByProject.get(issue.projectId)?.delete(issue.id);
    if (issue.parentId !== null) this.childrenByParent.get(issue.parentId)?.delete(issue.id);
    if (issue.epicLinkId !== null) this.childrenByEpicLink.get(issue.epicLinkId)?.delete(issue.id);
    for (const sprintId of issue.sprintIds) this.issuesBySprint.get(sprintId)?.delete(issue.id);
    this.childrenByParent.delete(issue.id);
    this.childrenByEpicLink.delete(issue.id);
    this.issueVersions.delete(issue.id);
    this.generation++;
    for (const link of this.linksOf(issue.id)) this.removeLink(link);
  }
  addLink(link: SimIssueLink): void {
    this.links.set(link.id, link);
    for (const issueId of [link.inwardIssueId, link.outwardIssueId]) {
      let set = this.linksByIssue.get(issueId);
      if (!set) this.linksByIssue.set(issueId, (set = new Set()));
      set.add(link.id);
    }
  }
  removeLink(link: SimIssueLink): void {
    this.links.delete(link.id);
    this.linksByIssue.get(link.inwardIssueId)?.delete(link.id);
    this.linksByIssue.get(link.outwardIssueId)?.delete(link.id);
  }
  setParent(issue: SimIssue, parentId: number | null): void {
    if (issue.parentId !== null) this.childrenByParent.get(issue.parentId)?.delete(issue.id);
    issue.parentId = parentId;
    if (parentId !== null) addTo(this.childrenByParent, parentId, issue.id);
  }
  setEpicLink(issue: SimIssue, epicId: number | null): void {
    if (issue.epicLinkId !== null) this.childrenByEpicLink.get(issue.epicLinkId)?.delete(issue.id);
    issue.epicLinkId = epicId;
    if (epicId !== null) addTo(this.childrenByEpicLink, epicId, issue.id);
  }
  setSprints(issue: SimIssue, sprintIds: number[]): void {
    for (const sprintId of issue.sprintIds) this.issuesBySprint.get(sprintId)?.delete(issue.id);
    issue.sprintIds = sprintIds;
    for (const sprintId of sprintIds) addTo(this.issuesBySprint, sprintId, issue.id);
  }
  childrenOf(issueId: number): SimIssue[] {
    return this.resolve(this.childrenByParent.get(issueId));
  }
  epicLinkedChildrenOf(issueId: number): SimIssue[] {
    return this.resolve(this.childrenByEpicLink.get(issueId));
  }
  issuesInProject(projectId: string): Iterable<number> {
    return this.issuesByProject.get(projectId) ?? [];
  }
  issuesInSprint(sprintId: number): SimIssue[] {
    return this.resolve(this.issuesBySprint.get(sprintId));
  }
  linksOf(issueId: number): SimIssueLink[] {
    const result: SimIssueLink[] = [];
    for (const id of this.linksByIssue.get(issueId) ?? []) {
      const link = this.links.get(id);
      if (link) result.push(link);
    }
    return result;
  }
  /** Call before changing an existing issue's fields. */
  beforeIssueWrite(issue: SimIssue): void {
    this.observer?.before(issue);
  }
  bump(issueId: number): void {
    this.generation++;
    this.issueVersions.set(issueId, (this.issueVersions.get(issueId) ?? 0) + 1);
    this.observer?.written(issueId);
  }
  issueVersion(issueId: number): number {
    return this.issueVersions.get(issueId) ?? 0;
  }

  nextId(counter: keyof Counters): number {
    const value = this.counters[counter];
    this.counters[counter] = value + 1;
    return value;
  }

  private resolve(ids: Set<number> | undefined): SimIssue[] {
    if (!ids) return [];
    const result: SimIssue[] = [];
    for (const id of ids) {
      const issue = this.issues.get(id);
      if (issue) result.push(issue);
    }
    return result.sort((a, b) => a.id - b.id);
  }
}

const emptyPermissions: ReadonlySet<ProjectPermissionKey> = new Set();

function addTo<K>(index: Map<K, Set<number>>, key: K, id: number): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(id);
}
