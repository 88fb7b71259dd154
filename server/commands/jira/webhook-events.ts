import type { AppDeps } from "../../deps.ts";

/** A verified delivery about an issue, after its link (if any) was looked up. */
export type IssueWebhookEvent = {
  workspaceId: string;
  event: string;
  issueId: string | null;
  issueKey: string | null;
  /** The use case linked to the issue, when there is one. */
  useCaseId: string | null;
  receivedAt: Date;
};

export type IssueWebhookSubscriber = (event: IssueWebhookEvent, deps: AppDeps) => Promise<void> | void;

const subscribers = new Set<IssueWebhookSubscriber>();

/**
 * Lets other parts (e.g. the Epic issue listing cache) hear about issue deliveries — including
 * for issues that are not linked, such as an Epic's child issues. Runs in the ingest job, after
 * the delivery was handled; a failing subscriber is logged and does not fail the job.
 * Returns a function that unsubscribes.
 */
export function onIssueWebhook(subscriber: IssueWebhookSubscriber): () => void {
  subscribers.add(subscriber);
  return () => subscribers.delete(subscriber);
}

export async function publishIssueWebhook(event: IssueWebhookEvent, deps: AppDeps): Promise<void> {
  for (const subscriber of subscribers) {
    try {
      await subscriber(event, deps);
    } catch (error) {
      deps.logger.warn({ err: error, event: event.event, workspaceId: event.workspaceId }, "issue webhook subscriber failed");
    }
  }
}
