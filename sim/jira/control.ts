import type { Actor } from "./commands/deps.ts";
import { addComment } from "./commands/comment-commands.ts";
import { createIssue, deleteIssue, editIssue } from "./commands/issue-commands.ts";
import { availableTransitions, transitionIssue } from "./commands/transition-command.ts";
import { describeScreens, putScreenField, removeScreenField, type ScreensView, type ScreenTarget } from "./commands/screen-commands.ts";
import type { ScreenKind } from "./model/screens.ts";
import { badRequest, issueNotFound, JiraHttpError } from "./http/errors.ts";
import type { SimWebhookEventPayload } from "./events/issue-events.ts";
import type { SimSiteWebhookEvent } from "./webhooks/types.ts";
import type { SimStore } from "./model/store.ts";
import type { ProjectPermissionKey, SimIssue, SimUser } from "./model/types.ts";
import { applyFaultPatch, type FaultConfig, type FaultPatch } from "./options.ts";
import type { RequestLogEntry, SimRuntime } from "./runtime.ts";
import { seedIssues } from "./seed/bulk.ts";
import { saveSnapshotFile, snapshotOf, type SiteSnapshot } from "./seed/snapshot.ts";
import { buildUser, type UserDraft } from "./seed/users.ts";

export type UserCredentials = {
  name: string;
  key: string;
  accountId: string;
  displayName: string;
  email: string;
  emailVisible: boolean;
  siteAdmin: boolean;
  apiToken: string;
  /** Cloud: an API token with scopes, accepted only through the gateway. */
  scopedApiToken: string | null;
  password: string;
  personalAccessToken: string | null;
};

export type IssueWrite = { fields?: Record<string, unknown>; update?: Record<string, unknown> };
export type TransitionTarget = { transitionId?: string; toStatus?: string; fields?: Record<string, unknown> };

/** Extra hooks the control needs from whoever started the sim. */
export type ControlHooks = {
  reseed: () => Promise<SimStore>;
  applyWebhookFaults: (faults: FaultConfig["webhooks"]) => void;
  webhookDeliveries: () => readonly unknown[];
  webhooksIdle: () => Promise<void>;
};

/**
 * The simulator's test handle: the same powers as the `/_sim` HTTP control API, in process.
 * Edits made "as a Jira user" go through the same commands as REST calls, so they fire webhooks,
 * write changelogs and bump `updated` — but skip permission checks and write counting.
 */
export class SimControl {
  constructor(
    private readonly runtime: SimRuntime,
    private readonly hooks: ControlHooks,
  ) {}

  get flavor(): "cloud" | "datacenter" {
    return this.runtime.site.flavor;
  }

  get store(): SimStore {
    return this.runtime.store;
  }

  faults(): FaultConfig {
    return this.runtime.faults;
  }

  setFaults(patch: FaultPatch): FaultConfig {
    this.runtime.faults = applyFaultPatch(this.runtime.faults, patch);
    this.hooks.applyWebhookFaults(this.runtime.faults.webhooks);
    return this.runtime.faults;
  }

  async reset(): Promise<void> {
    this.runtime.replaceStore(await this.hooks.reseed());
    this.runtime.clearRequestLog();
    this.runtime.writes.clear();
    this.runtime.deps.events.emitted.length = 0;
    this.runtime.deps.siteEvents.emitted.length = 0;
  }

  snapshot(): SiteSnapshot {
    return snapshotOf(this.runtime.store);
  }

  saveSnapshot(path: string): Promise<void> {
    return saveSnapshotFile(this.runtime.store, path);
  }

  requestLog(): readonly RequestLogEntry[] {
    return this.runtime.requestLog();
  }

  clearRequestLog(): void {
    this.runtime.clearRequestLog();
  }

  /** Successful REST writes per issue key since start / last clear. */
  writesPerIssue(): Record<string, number> {
    return this.runtime.writes.snapshot();
  }

  clearWriteCounts(): void {
    this.runtime.writes.clear();
  }

  /** Calls `listener` with the issue after every create or change, however made; returns the unsubscribe. */
  onIssueWritten(listener: (issue: SimIssue) => void): () => void {
    const notify = (issueId: number) => {
      const issue = this.runtime.store.issues.get(issueId);
      if (issue) listener(issue);
    };
    this.runtime.writeListeners.add(notify);
    return () => this.runtime.writeListeners.delete(notify);
  }

  users(): UserCredentials[] {
    return [...this.runtime.store.users.values()].map((user) => ({
      name: user.name,
      key: user.key,
      accountId: user.accountId,
      displayName: user.displayName,
      email: user.email,
      emailVisible: user.emailVisible,
      siteAdmin: user.siteAdmin,
      apiToken: user.apiToken,
      scopedApiToken: user.scopedApiTokens[0] ?? null,
      password: user.password,
      personalAccessToken: user.personalAccessTokens[0] ?? null,
    }));
  }

  /** Find a user by username, key, accountId or email. */
  user(ref: string): SimUser {
    const store = this.runtime.store;
    const user = store.userByName(ref) ?? store.userByKey(ref) ?? store.userByAccountId(ref) ?? store.userByEmail(ref);
    if (!user) throw badRequest([`Unknown user '${ref}'.`]);
    return user;
  }

  addUser(draft: UserDraft, permissions: Record<string, readonly ProjectPermissionKey[]> = {}): UserCredentials {
    const store = this.runtime.store;
    if (store.userByName(draft.name)) throw badRequest([`A user with the username '${draft.name}' already exists.`]);
    const user = buildUser(draft);
    store.addUser(user);
    for (const [projectKey, granted] of Object.entries(permissions)) this.setPermissions(user.name, projectKey, granted);
    const credentials = this.users().find((candidate) => candidate.key === user.key);
    if (!credentials) throw new Error("user vanished after creation");
    return credentials;
  }

  setPermissions(userRef: string, projectKey: string, permissions: readonly ProjectPermissionKey[]): void {
    const project = this.runtime.store.projectByIdOrKey(projectKey);
    if (!project) throw badRequest([`Unknown project '${projectKey}'.`]);
    this.runtime.store.grant(this.user(userRef).key, project.id, permissions);
  }

  /** Gives the user an API token with scopes: it works through the gateway and is refused on the site URL. */
  addScopedApiToken(userRef: string, token: string): UserCredentials {
    const user = this.user(userRef);
    if (token === "" || token === user.apiToken) throw badRequest(["A scoped API token must be new and differ from the user's classic API token."]);
    if (!user.scopedApiTokens.includes(token)) user.scopedApiTokens.unshift(token);
    const credentials = this.users().find((candidate) => candidate.key === user.key);
    if (!credentials) throw new Error("user vanished while adding a token");
    return credentials;
  }

  setSiteAdmin(userRef: string, siteAdmin: boolean): void {
    this.user(userRef).siteAdmin = siteAdmin;
  }

  issue(ref: string): SimIssue {
    const issue = this.runtime.store.issueByIdOrKey(ref);
    if (!issue) throw issueNotFound();
    return issue;
  }

  /** Create an issue as if `as` had used Jira (v2 field shapes, or ADF for a v3-style description). */
  createIssue(as: string, fields: Record<string, unknown>): { id: string; key: string } {
    const issue = createIssue(this.runtime.deps, this.actor(as, fields), { fields, update: {} });
    return { id: String(issue.id), key: issue.key };
  }

  editIssue(as: string, ref: string, write: IssueWrite): void {
    editIssue(this.runtime.deps, this.actor(as, write.fields ?? {}), this.issue(ref), { fields: write.fields ?? {}, update: write.update ?? {} });
  }

  /** Transition by id, or to a status name reachable in one step. */
  transitionIssue(as: string, ref: string, target: TransitionTarget): void {
    const issue = this.issue(ref);
    const actor = this.actor(as, target.fields ?? {});
    let transitionId = target.transitionId;
    if (!transitionId && target.toStatus) {
      const wanted = target.toStatus.toLowerCase();
      const statuses = this.runtime.store.catalog.statuses;
      transitionId = availableTransitions(this.runtime.deps, actor, issue).find(
        (transition) => statuses.find((status) => status.id === transition.to)?.name.toLowerCase() === wanted,
      )?.id;
      if (!transitionId) throw badRequest([`No transition from the current status to '${target.toStatus}'.`]);
    }
    if (!transitionId) throw badRequest(["Give transitionId or toStatus."]);
    transitionIssue(this.runtime.deps, actor, issue, { transitionId, fields: target.fields ?? {}, update: {} });
  }

  addComment(as: string, ref: string, body: string | Record<string, unknown>): { id: string } {
    const version = typeof body === "string" ? 2 : 3;
    const actor: Actor = { user: this.user(as), origin: "control", version };
    const text = typeof body === "string" ? { kind: "wiki" as const, text: body } : { kind: "adf" as const, doc: body as never };
    return { id: addComment(this.runtime.deps, actor, this.issue(ref), text).id };
  }

  /**
   * Puts the issue under an issue security level (by name), or lifts it (null): a Jira admin's
   * change. Accounts outside the level then get 404 for it and miss it in searches — exactly as
   * if it had been deleted, but no delete webhook is sent.
   */
  setIssueSecurity(ref: string, levelName: string | null): void {
    const store = this.runtime.store;
    const issue = this.issue(ref);
    const level = levelName === null ? null : [...store.securityLevels.values()].find((candidate) => candidate.name.toLowerCase() === levelName.toLowerCase());
    if (level === undefined) throw badRequest([`No issue security level '${levelName ?? ""}'.`]);
    store.beforeIssueWrite(issue);
    issue.securityLevelId = level?.id ?? null;
    issue.updated = this.runtime.deps.now();
    store.bump(issue.id);
  }

  deleteIssue(as: string, ref: string, deleteSubtasks = true): void {
    deleteIssue(this.runtime.deps, { user: this.user(as), origin: "control", version: 2 }, this.issue(ref), deleteSubtasks);
  }

  /** The create and edit screens of a project's issue type (id or name). */
  screens(target: ScreenTarget): ScreensView {
    return describeScreens(this.runtime.store, target);
  }

  /** Adds a field to a screen, or changes whether it is required there. */
  putScreenField(target: ScreenTarget, screen: ScreenKind, fieldId: string, required = false): ScreensView {
    return putScreenField(this.runtime.store, target, screen, fieldId, required);
  }

  removeScreenField(target: ScreenTarget, screen: ScreenKind, fieldId: string): ScreensView {
    return removeScreenField(this.runtime.store, target, screen, fieldId);
  }

  seedIssues(count: number, projectKey = "TETH"): { first: string | null; last: string | null } {
    if (!Number.isInteger(count) || count < 0) throw badRequest(["count must be a non-negative integer."]);
    return seedIssues(this.runtime.store, count, projectKey);
  }

  issueCount(): number {
    return this.runtime.store.issues.size;
  }

  /** Every webhook event the sim produced (whether or not any registration matched). */
  webhookEvents(): readonly SimWebhookEventPayload[] {
    return this.runtime.deps.events.emitted;
  }

  /** Every sprint and issue-link webhook event the sim produced. */
  siteWebhookEvents(): readonly SimSiteWebhookEvent[] {
    return this.runtime.deps.siteEvents.emitted;
  }

  webhookDeliveries(): readonly unknown[] {
    return this.hooks.webhookDeliveries();
  }

  webhooksIdle(): Promise<void> {
    return this.hooks.webhooksIdle();
  }

  private actor(as: string, fields: Record<string, unknown>): Actor {
    const adf = (value: unknown) => typeof value === "object" && value !== null;
    if (this.runtime.site.flavor === "datacenter" && adf(fields.description)) {
      throw new JiraHttpError(400, ["Data Center takes descriptions as wiki markup strings."]);
    }
    return { user: this.user(as), origin: "control", version: adf(fields.description) ? 3 : 2 };
  }
}
