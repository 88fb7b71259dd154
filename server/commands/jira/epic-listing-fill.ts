import type pg from "pg";
import { withAdvisoryLock } from "../../db/advisory-lock.ts";
import type { JiraClient } from "../../../integrations/jira/client/index.ts";
import type { AppDeps } from "../../deps.ts";
import { type EpicSnapshot, findSnapshot, replaceSnapshot } from "../../models/epic-listing-cache.ts";
import { type EpicIssueRow, listingFields, rankedChildrenJql, summariseEpic, toEpicIssueRow } from "./epic-listing-rows.ts";

/** How long a snapshot is served without asking Jira again (webhooks about children end it sooner). */
export const FRESH_MS = 60_000;
/** How long an old snapshot is kept to serve, with a warning, while Jira cannot be reached. */
export const RETAIN_MS = 24 * 60 * 60_000;
/** An Epic larger than this is listed up to here, with a warning (the walk would take minutes). */
export const MAX_CHILDREN = 10_000;

// First key of the two-key advisory lock: the namespace of Epic listing fills (link locks use 74_201).
const FILL_LOCK_NAMESPACE = 74_209;

/** `storyPointsField`: the Epic's project's own (a team-managed project's "Story point estimate"); absent: the site's. */
export type FillTarget = { linkId: string; workspaceId: string; epicKey: string; client: () => JiraClient; storyPointsField?: string | null };

export const isUsable = (snapshot: EpicSnapshot | undefined, epicKey: string, now: Date): boolean =>
  !!snapshot && snapshot.epic_key === epicKey && snapshot.invalidated_at === null && snapshot.fresh_until > now;

/** Walks the Epic's children in rank order, one page in memory at a time, keeping the listed fields only. */
async function readEpic(client: JiraClient, epicKey: string, storyPointsField: string | null | undefined): Promise<{ rows: EpicIssueRow[]; truncated: boolean }> {
  const roles = { ...(await client.fieldRoles()), ...(storyPointsField !== undefined ? { storyPoints: storyPointsField } : {}) };
  const jql = rankedChildrenJql(await client.epicChildrenJql(epicKey));
  const fields = listingFields(roles);
  const rows: EpicIssueRow[] = [];
  const seen = new Set<string>();
  let cursor: string | null = null;
  do {
    // Jira caps the page (Cloud 100 with fields, Data Center 1000 by default); asking for more is harmless.
    const page = await client.searchIssuesPage(jql, { fields, pageSize: 1000, cursor });
    for (const issue of page.issues) {
      // A re-rank during the walk can show an issue twice; the first place wins.
      if (seen.has(issue.key)) continue;
      seen.add(issue.key);
      rows.push(toEpicIssueRow(issue, rows.length, roles));
    }
    cursor = page.nextCursor;
  } while (cursor && rows.length < MAX_CHILDREN);
  return { rows, truncated: cursor !== null };
}

const withFillLock = <T>(pool: pg.Pool, linkId: string, work: () => Promise<T>) => withAdvisoryLock(pool, FILL_LOCK_NAMESPACE, linkId, work);

export type FillResult = { snapshot: EpicSnapshot; truncated: boolean };

// Readers in this process share one fill per link: only one connection waits on the advisory lock.
const fillsInFlight = new Map<string, Promise<FillResult>>();

async function fillOnce(deps: AppDeps, target: FillTarget, askedAt: Date, force: boolean): Promise<FillResult> {
  return withFillLock(deps.pool, target.linkId, async () => {
    // Another process may have filled while we waited: its answer is as new as our question.
    const current = await findSnapshot(deps.db, target.linkId);
    if (current && current.epic_key === target.epicKey && current.invalidated_at === null && (current.fetched_at >= askedAt || (!force && isUsable(current, target.epicKey, new Date())))) {
      return { snapshot: current, truncated: false };
    }
    const fetchedAt = new Date();
    const { rows, truncated } = await readEpic(target.client(), target.epicKey, target.storyPointsField);
    await deps.db.transaction().execute(async (trx) => {
      await replaceSnapshot(
        trx,
        {
          linkId: target.linkId,
          workspaceId: target.workspaceId,
          epicKey: target.epicKey,
          fetchedAt,
          freshUntil: new Date(fetchedAt.getTime() + FRESH_MS),
          retainUntil: new Date(fetchedAt.getTime() + RETAIN_MS),
          ...summariseEpic(rows),
        },
        rows,
      );
    });
    const snapshot = await findSnapshot(deps.db, target.linkId);
    if (!snapshot) throw new Error(`epic listing snapshot for link ${target.linkId} vanished after it was written`);
    return { snapshot, truncated };
  });
}

/**
 * Loads the Epic's children from Jira into the snapshot unless a usable one exists. Single flight:
 * concurrent readers in this process share one promise; across processes the advisory lock makes
 * the others wait and then read what the first one stored. Throws the client's JiraError.
 */
export async function fillSnapshot(deps: AppDeps, target: FillTarget, options: { force: boolean; askedAt: Date }): Promise<FillResult> {
  const running = fillsInFlight.get(target.linkId);
  if (running) return running;
  const fill = fillOnce(deps, target, options.askedAt, options.force).finally(() => fillsInFlight.delete(target.linkId));
  fillsInFlight.set(target.linkId, fill);
  return fill;
}
