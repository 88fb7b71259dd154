import type { LinkTypeDef, SimIssue, SimIssueLink } from "../model/types.ts";
import { JiraHttpError } from "../http/errors.ts";
import { ChangeRecorder } from "./changes.ts";
import { can, countWrite, type Actor, type CommandDeps } from "./deps.ts";

/** Creates an issue link, records "Link" changelog items on both issues and fires `issuelink_created`, as Jira does. */
export function linkIssues(deps: CommandDeps, actor: Actor, type: LinkTypeDef, inward: SimIssue, outward: SimIssue): SimIssueLink {
  const { store } = deps;
  for (const issue of [inward, outward]) {
    if (!can(deps, actor, issue.projectId, "LINK_ISSUES")) throw new JiraHttpError(403, [`No Link Issue Permission for issue '${issue.key}'.`]);
  }
  const existing = store.linksOf(outward.id).find((link) => link.typeId === type.id && link.outwardIssueId === outward.id && link.inwardIssueId === inward.id);
  if (existing) return existing;
  // Jira's model: the outward issue "blocks" the inward issue.
  const link: SimIssueLink = { id: String(store.nextId("linkId")), typeId: type.id, inwardIssueId: inward.id, outwardIssueId: outward.id };
  store.addLink(link);
  recordLinkChange(deps, actor, type, inward, outward, "created");
  deps.siteEvents.issueLink("issuelink_created", link, type);
  return link;
}

/** Removes an issue link: "Link" changelog items (from → null) on both issues and `issuelink_deleted`, like creating one. */
export function unlinkIssues(deps: CommandDeps, actor: Actor, link: SimIssueLink): void {
  const { store } = deps;
  const inward = store.issues.get(link.inwardIssueId);
  const outward = store.issues.get(link.outwardIssueId);
  const type = store.catalog.linkTypes.find((candidate) => candidate.id === link.typeId);
  store.removeLink(link);
  if (inward && outward && type) recordLinkChange(deps, actor, type, inward, outward, "deleted");
  if (type) deps.siteEvents.issueLink("issuelink_deleted", link, type);
}

function recordLinkChange(deps: CommandDeps, actor: Actor, type: LinkTypeDef, inward: SimIssue, outward: SimIssue, change: "created" | "deleted"): void {
  const now = deps.now();
  const item = (changes: ChangeRecorder, otherKey: string, text: string) => {
    if (change === "created") changes.system("issuelinks", "Link", null, null, otherKey, text);
    else changes.system("issuelinks", "Link", otherKey, text, null, null);
  };
  const outwardChanges = new ChangeRecorder(deps.store);
  item(outwardChanges, inward.key, `This issue ${type.outward} ${inward.key}`);
  outwardChanges.commit(outward, actor.user, now);
  const inwardChanges = new ChangeRecorder(deps.store);
  item(inwardChanges, outward.key, `This issue ${type.inward} ${outward.key}`);
  inwardChanges.commit(inward, actor.user, now);
  countWrite(deps, actor, outward);
  countWrite(deps, actor, inward);
}
