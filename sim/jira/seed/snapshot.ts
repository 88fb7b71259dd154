import { readFile, writeFile } from "node:fs/promises";
import { z } from "zod";
import type { IssueScreens } from "../model/screens.ts";
import { SimStore, type Counters } from "../model/store.ts";
import type { Flavor, ProjectPermissionKey, SecurityLevel, SimBoard, SimIssue, SimIssueLink, SimProject, SimSprint, SimUser, WebhookRegistration } from "../model/types.ts";

export type SiteSnapshot = {
  format: "tether-jira-sim/1";
  flavor: Flavor;
  users: SimUser[];
  projects: SimProject[];
  issues: SimIssue[];
  links: SimIssueLink[];
  boards: SimBoard[];
  sprints: SimSprint[];
  webhooks: WebhookRegistration[];
  permissions: { userKey: string; projectId: string; permissions: ProjectPermissionKey[] }[];
  counters: Counters;
  /** Screens changed from the default scheme (absent in older snapshots). */
  screens?: { key: string; screens: IssueScreens }[];
  /** Issue security levels (absent in older snapshots). */
  securityLevels?: SecurityLevel[];
};

/** Only the envelope is checked strictly; records are the sim's own output. */
const envelope = z
  .object({
    format: z.literal("tether-jira-sim/1"),
    flavor: z.enum(["cloud", "datacenter"]),
    users: z.array(z.looseObject({ key: z.string() })),
    projects: z.array(z.looseObject({ id: z.string(), key: z.string() })),
    issues: z.array(z.looseObject({ id: z.number(), key: z.string() })),
    links: z.array(z.looseObject({ id: z.string() })),
    boards: z.array(z.looseObject({ id: z.number() })),
    sprints: z.array(z.looseObject({ id: z.number() })),
    webhooks: z.array(z.looseObject({ id: z.string() })),
    permissions: z.array(z.object({ userKey: z.string(), projectId: z.string(), permissions: z.array(z.string()) })),
    counters: z.looseObject({ issueId: z.number() }),
  })
  .loose();

export function snapshotOf(store: SimStore): SiteSnapshot {
  const permissions: SiteSnapshot["permissions"] = [];
  for (const [userKey, byProject] of store.permissions) {
    for (const [projectId, granted] of byProject) permissions.push({ userKey, projectId, permissions: [...granted] });
  }
  return {
    format: "tether-jira-sim/1",
    flavor: store.flavor,
    users: [...store.users.values()],
    projects: [...store.projects.values()],
    issues: [...store.issues.values()],
    links: [...store.links.values()],
    boards: [...store.boards.values()],
    sprints: [...store.sprints.values()],
    webhooks: [...store.webhooks.values()],
    permissions,
    counters: { ...store.counters },
    screens: [...store.screens].map(([key, screens]) => ({ key, screens })),
    securityLevels: [...store.securityLevels.values()],
  };
}

export function storeFromSnapshot(raw: unknown, flavor: Flavor): SimStore {
  const parsed = envelope.safeParse(raw);
  if (!parsed.success) throw new Error(`Not a Jira simulator snapshot: ${parsed.error.message}`, { cause: parsed.error });
  const snapshot = raw as SiteSnapshot;
  if (snapshot.flavor !== flavor) throw new Error(`Snapshot is for ${snapshot.flavor}, the simulator runs ${flavor}`);
  const store = new SimStore(flavor);
  // Snapshots taken before scoped tokens existed carry none.
  snapshot.users.forEach((user) => store.addUser({ ...user, scopedApiTokens: (user as Partial<SimUser>).scopedApiTokens ?? [] }));
  snapshot.projects.forEach((project) => store.addProject(project));
  snapshot.issues.forEach((issue) => store.insertIssue(issue));
  snapshot.links.forEach((link) => store.addLink(link));
  snapshot.boards.forEach((board) => store.boards.set(board.id, board));
  snapshot.sprints.forEach((sprint) => store.sprints.set(sprint.id, sprint));
  snapshot.webhooks.forEach((webhook) => store.webhooks.set(webhook.id, webhook));
  snapshot.permissions.forEach((grant) => store.grant(grant.userKey, grant.projectId, grant.permissions));
  store.counters = { ...snapshot.counters };
  for (const { key, screens } of snapshot.screens ?? []) store.screens.set(key, screens);
  for (const level of snapshot.securityLevels ?? []) store.securityLevels.set(level.id, level);
  return store;
}

export async function loadSnapshotFile(path: string, flavor: Flavor): Promise<SimStore> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new Error(`Cannot read snapshot ${path}`, { cause: error });
  }
  return storeFromSnapshot(JSON.parse(text) as unknown, flavor);
}

export async function saveSnapshotFile(store: SimStore, path: string): Promise<void> {
  await writeFile(path, JSON.stringify(snapshotOf(store)));
}
