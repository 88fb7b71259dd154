import type pg from "pg";
import { withAdvisoryLock } from "../../db/advisory-lock.ts";

// First key of the two-key advisory lock: the namespace of webhook registration locks.
const WEBHOOK_LOCK_NAMESPACE = 74_202;

/**
 * Runs `work` holding the workspace's webhook-registration lock, on a dedicated connection (a
 * crash releases it): one registrar at a time across every process, so two never both see "no
 * registration" and both create one.
 */
export async function withWebhookLock<T>(pool: pg.Pool, workspaceId: string, work: () => Promise<T>): Promise<T> {
  return withAdvisoryLock(pool, WEBHOOK_LOCK_NAMESPACE, workspaceId, work);
}
