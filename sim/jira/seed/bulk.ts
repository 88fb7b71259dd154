import { epicIssueType } from "../model/catalog.ts";
import type { SimStore } from "../model/store.ts";
import type { SimIssue } from "../model/types.ts";
import { seededRandom } from "../prng.ts";

const noLabels: string[] = [];

/**
 * Adds `count` issues quickly (no events, no changelog) for benchmarks: one epic per 50 issues,
 * the rest its children, with statuses, assignees and story points spread out.
 */
export function seedIssues(store: SimStore, count: number, projectKey = "TETH", now = Date.now()): { first: string | null; last: string | null } {
  const project = store.projectByIdOrKey(projectKey);
  if (!project) throw new Error(`seedIssues: unknown project ${projectKey}`);
  const catalog = store.catalog;
  const random = seededRandom(count);
  const epicType = epicIssueType(catalog);
  const standard = catalog.issueTypes.filter((type) => type.hierarchyLevel === 0);
  const assignees = [...store.users.values()].filter((user) => store.hasProjectPermission(user, project.id, "ASSIGNABLE_USER")).map((user) => user.key);
  const storyPoints = catalog.customFieldIds.storyPoints;
  let epic: SimIssue | null = null;
  let first: string | null = null;
  let last: string | null = null;
  for (let index = 0; index < count; index++) {
    const isEpic = index % 50 === 0;
    const id = store.nextId("issueId");
    const created = now - (count - index) * 1000;
    const status = catalog.statuses[Math.floor(random() * catalog.statuses.length)] ?? catalog.statuses[0];
    const issue: SimIssue = {
      id,
      key: `${project.key}-${project.nextIssueNumber++}`,
      projectId: project.id,
      issueTypeId: isEpic ? epicType.id : (standard[index % standard.length] ?? epicType).id,
      statusId: status?.id ?? "10000",
      summary: isEpic ? `Bulk epic ${index / 50 + 1}` : `Bulk issue ${index + 1}`,
      description: null,
      assigneeKey: assignees.length > 0 ? (assignees[index % assignees.length] ?? null) : null,
      reporterKey: project.leadKey,
      creatorKey: project.leadKey,
      priorityId: catalog.defaultPriorityId,
      labels: noLabels,
      parentId: null,
      epicLinkId: null,
      epicName: isEpic && catalog.customFieldIds.epicName ? `Bulk epic ${index / 50 + 1}` : null,
      sprintIds: [],
      resolutionId: status?.category === "done" ? (catalog.resolutions[0]?.id ?? null) : null,
      resolutionDate: status?.category === "done" ? created : null,
      dueDate: null,
      custom: isEpic ? {} : { [storyPoints]: (index % 8) + 1 },
      created,
      updated: created,
      statusCategoryChanged: created,
      comments: [],
      properties: {},
      changelog: [],
    };
    if (!isEpic && epic) {
      if (store.flavor === "cloud") issue.parentId = epic.id;
      else issue.epicLinkId = epic.id;
    }
    store.insertIssue(issue);
    if (isEpic) epic = issue;
    first ??= issue.key;
    last = issue.key;
  }
  return { first, last };
}
