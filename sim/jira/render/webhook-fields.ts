import type { SimIssue } from "../model/types.ts";
import { apiBase, type RenderContext } from "./context.ts";
import { renderComment } from "./issue.ts";

type Json = Record<string, unknown>;

/**
 * Standard fields every real webhook issue carries that the simulator does not model (time
 * tracking, versions, components, attachments, votes, watchers, security …), with the values
 * Jira sends when they are unset — so a receiver that parses too strictly fails here first.
 * Taken from the captures in ../shared/jira-webhooks/ (Cloud 2024, Data Center 2019).
 */
export function unmodelledStandardFields(ctx: RenderContext, issue: SimIssue): Json {
  const issueApi = `${apiBase(ctx)}/issue/${issue.key}`;
  const fields: Json = {
    timespent: null,
    aggregatetimespent: null,
    timeestimate: null,
    aggregatetimeestimate: null,
    timeoriginalestimate: null,
    aggregatetimeoriginalestimate: null,
    timetracking: {},
    progress: { progress: 0, total: 0 },
    aggregateprogress: { progress: 0, total: 0 },
    workratio: -1,
    fixVersions: [],
    versions: [],
    components: [],
    attachment: [],
    environment: null,
    // Per viewer; null until someone has opened the issue (then a timestamp).
    lastViewed: null,
    watches: { self: `${issueApi}/watchers`, watchCount: 0, isWatching: false },
    votes: { self: `${issueApi}/votes`, votes: 0, hasVoted: false },
  };
  if (ctx.store.flavor === "cloud") {
    fields.security = null;
    fields.issuerestriction = { issuerestrictions: {}, shouldDisplay: false };
    return fields;
  }
  // Data Center still embeds the comment and worklog pages (Cloud dropped both from webhook bodies).
  fields.comment = { comments: issue.comments.map((comment) => renderComment(ctx, issue, comment)), maxResults: issue.comments.length, total: issue.comments.length, startAt: 0 };
  fields.worklog = { startAt: 0, maxResults: 20, total: 0, worklogs: [] };
  return fields;
}

/** The Parent Link field of a Cloud site without Jira Premium, exactly as captured. */
const parentLinkWithoutPremium = {
  hasEpicLinkFieldDependency: false,
  showField: false,
  nonEditableReason: { reason: "PLUGIN_LICENSE_ERROR", message: "The Parent Link is only available to Jira Premium users." },
};

/**
 * Custom fields every Cloud site has out of the box (Team, Start date, Issue color, Parent Link,
 * Flagged, Target start/end, …) that the simulator does not model, with their unset values: the
 * ids every Cloud capture shares. The sim's own custom fields (story points 10016, rank 10019,
 * sprint 10020, …) are rendered from the catalog instead. Data Center ids are site-specific, so
 * Data Center gets none.
 */
export function unmodelledCustomFields(ctx: RenderContext): Json {
  if (ctx.store.flavor !== "cloud") return {};
  const modelled = new Set(ctx.store.catalog.fields.map((field) => field.id));
  const fields: Json = {};
  for (const number of [10001, 10003, 10004, 10005, 10006, 10007, 10008, 10009, 10010, 10014, 10015, 10017, 10021, 10022, 10023, 10024, 10025, 10027, 10028, 10029, 10030, 10033, 10034, 10037]) {
    fields[`customfield_${number}`] = null;
  }
  // Organizations: an empty list, not null, when unset.
  fields.customfield_10002 = [];
  fields.customfield_10018 = parentLinkWithoutPremium;
  for (const id of Object.keys(fields)) if (modelled.has(id)) delete fields[id];
  return fields;
}
