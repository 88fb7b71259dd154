/** Issue links, boards, sprints and webhook registrations as Tether sees them (planning and webhooks). */

export type IssueLinkType = { id: string; name: string; inward: string; outward: string };

/** One link as seen from an issue: the other issue and which side of the type it is on. */
export type IssueLink = { id: string; typeName: string; outwardIssueKey: string; outwardIssueId: string; inwardIssueKey: string; inwardIssueId: string };

export type IssueLinkDraft = {
  typeName: string;
  /** e.g. for "blocks": the outward issue blocks the inward issue. */
  outwardIssueKey: string;
  inwardIssueKey: string;
};

export type JiraBoard = { id: number; name: string; type: string; projectKey: string | null };

export type JiraSprint = {
  id: number;
  name: string;
  state: string;
  startDate: string | null;
  endDate: string | null;
  originBoardId: number | null;
  goal: string | null;
};

export type SprintDraft = { boardId: number; name: string; startDate?: string; endDate?: string; goal?: string };

export type WebhookDraft = {
  name: string;
  url: string;
  events: string[];
  /** Only issues matching this JQL are delivered. */
  jql?: string;
  /** HMAC secret; Jira signs deliveries with `X-Hub-Signature: sha256=…` (Cloud and DC 10+). */
  secret: string;
};

export type JiraWebhook = {
  id: string;
  name: string;
  url: string;
  events: string[];
  jql: string | null;
  enabled: boolean;
  /** False on Data Center ≤ 9, whose admin webhooks cannot carry a secret. */
  signed: boolean;
};
