import type { LinkTypeDef, SimIssue, SimIssueLink } from "../model/types.ts";
import { JiraHttpError } from "../http/errors.ts";
import { ChangeRecorder } from "./changes.ts";
import { can, countWrite, type Actor, type CommandDeps } from "./deps.ts";

/** Creates an issue link and records "Link" changelog items on both issues, as Jira does. */
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
  const now = deps.now();
  const outwardChanges = new ChangeRecorder(store);
  outwardChanges.system("issuelinks", "Link", null, null, inward.key, `This issue ${type.outward} ${inward.key}`);
  outwardChanges.commit(outward, actor.user, now);
  const inwardChanges = new ChangeRecorder(store);
  inwardChanges.system("issuelinks", "Link", null, null, outward.key, `This issue ${type.inward} ${outward.key}`);
  inwardChanges.commit(inward, actor.user, now);
  countWrite(deps, actor, outward);
  countWrite(deps, actor, inward);
  return link;
}
