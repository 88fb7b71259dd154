import { z } from "zod";
import { safeText } from "./safe-text.ts";

/**
 * The planning board's assignee filter (docs/adr/0016-planning-assignee-filter.md). Tether stores
 * no assignees: the people to pick from and the cards a person holds are asked of Jira live, and
 * the answers carry Jira user ids and display names (people) or issue ids and keys (cards), nothing else.
 */

/** Who may be picked: a Jira user the teams' projects can assign issues to. */
export const AssignablePerson = z.object({
  /** What Jira knows the user by: the accountId on Cloud, the username on Data Center. */
  jiraUserId: z.string(),
  displayName: z.string(),
});
export type AssignablePerson = z.infer<typeof AssignablePerson>;

export const AssignablePeopleQuery = z.object({
  query: safeText().trim().max(100).optional().meta({ description: "Narrows the list by name, username or email prefix (as Jira matches them)" }),
});

export const AssignablePeople = z.object({
  people: z.array(AssignablePerson),
  /** Jira requests this answer took (one per project of the PI's teams). */
  jiraRequests: z.int(),
});
export type AssignablePeople = z.infer<typeof AssignablePeople>;

const flag = z.enum(["true", "1"]).optional();

export const AssigneeFilterQuery = z
  .object({
    assignee: z.string().trim().min(1).max(128).optional().meta({ description: "A Jira user id from listPlanningAssignees (accountId on Cloud, username on Data Center)" }),
    me: flag.meta({ description: "The caller's own Jira account (found through the workspace's people map, else by email)" }),
    unassigned: flag.meta({ description: "Cards nobody is assigned to" }),
  })
  .refine((query) => [query.assignee, query.me, query.unassigned].filter((value) => value !== undefined).length === 1, {
    message: "Give exactly one of assignee, me or unassigned",
  });
export type AssigneeFilterQuery = z.infer<typeof AssigneeFilterQuery>;

export const AssigneeFilterResult = z.object({
  /** The PI's cards the chosen person holds (or nobody holds), by Jira issue id. */
  issueIds: z.array(z.string()),
  issueKeys: z.array(z.string()),
  /** Jira requests this answer took: one per 100 cards (plus one to find "me" by email when the people map does not know the caller). */
  jiraRequests: z.int(),
});
export type AssigneeFilterResult = z.infer<typeof AssigneeFilterResult>;
