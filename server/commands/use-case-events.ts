import type { Db } from "../db/pool.ts";
import type { ChangeSource } from "../db/schema.ts";
import type { FieldChange } from "../models/use-case-history.ts";

/** What changed on one use case, told to subscribers inside the transaction that changed it. */
export type UseCaseChangedEvent = {
  workspaceId: string;
  useCaseId: string;
  changes: readonly FieldChange[];
  source: ChangeSource;
};

/**
 * Runs inside the writer's transaction: what it writes (e.g. a push job) commits or rolls back
 * with the change itself. Throwing aborts the change. Called for every source; the subscriber
 * decides (the Jira push ignores source "jira" so Jira's own changes never echo back).
 */
export type UseCaseChangedSubscriber = (trx: Db, event: UseCaseChangedEvent) => Promise<void>;

const subscribers = new Set<UseCaseChangedSubscriber>();

/** Subscribes at boot; returns the unsubscribe function (for tests). */
export function onUseCaseChanged(subscriber: UseCaseChangedSubscriber): () => void {
  subscribers.add(subscriber);
  return () => {
    subscribers.delete(subscriber);
  };
}

/** Tells every subscriber, one after the other, in the caller's transaction. */
export async function useCaseChanged(trx: Db, event: UseCaseChangedEvent): Promise<void> {
  for (const subscriber of subscribers) await subscriber(trx, event);
}
