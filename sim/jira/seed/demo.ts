import { epicIssueType } from "../model/catalog.ts";
import { allProjectPermissions, developerPermissions } from "../model/permissions.ts";
import { SimStore } from "../model/store.ts";
import type { Flavor, SimIssue, SimProject, SimSprint } from "../model/types.ts";
import { seededRandom } from "../prng.ts";
import { textToAdf } from "../render/adf.ts";
import { buildUser, demoUsers } from "./users.ts";

const day = 86_400_000;

export function emptySite(flavor: Flavor): SimStore {
  const store = new SimStore(flavor);
  for (const draft of demoUsers) store.addUser(buildUser(draft));
  const ada = store.userByName("ada");
  if (!ada) throw new Error("demo admin missing");
  const teth: SimProject = { id: String(store.nextId("projectId")), key: "TETH", name: "Tether Demo", description: "Use cases handed over to engineering.", leadKey: ada.key, nextIssueNumber: 1 };
  const plat: SimProject = { id: String(store.nextId("projectId")), key: "PLAT", name: "Platform", description: "Shared platform work.", leadKey: ada.key, nextIssueNumber: 1 };
  store.addProject(teth);
  store.addProject(plat);
  const projects = [teth, plat];
  // Jira Cloud sites usually have both kinds: a team-managed (next-gen) space beside the company-managed ones.
  if (flavor === "cloud") {
    const nova: SimProject = { id: String(store.nextId("projectId")), key: "NOVA", name: "Nova (team-managed)", description: "A team-managed space with its own issue types, workflow and fields.", leadKey: ada.key, nextIssueNumber: 1, style: "next-gen" };
    store.addProject(nova);
    projects.push(nova);
  }
  // Issue security: "Legal only" hides an issue from everyone but its members (set per issue via the control API).
  const cara = store.userByName("cara");
  store.securityLevels.set("10300", { id: "10300", name: "Legal only", description: "Visible to the legal team only.", memberKeys: cara ? [cara.key] : [] });
  const grant = (name: string, project: SimProject, permissions: Iterable<(typeof allProjectPermissions)[number]>) => {
    const user = store.userByName(name);
    if (user) store.grant(user.key, project.id, permissions);
  };
  for (const project of projects) {
    grant("ada", project, allProjectPermissions);
    grant("ben", project, developerPermissions);
    grant("cara", project, developerPermissions);
    grant("dan", project, developerPermissions);
  }
  // Eve can look but not touch TETH and cannot see PLAT; Olly sees nothing.
  grant("eve", teth, ["BROWSE_PROJECTS"]);
  for (const project of projects) {
    const board = { id: store.nextId("boardId"), name: `${project.key} board`, type: "scrum" as const, projectId: project.id };
    store.boards.set(board.id, board);
  }
  return store;
}

const epics = [
  { summary: "Customer onboarding revamp", children: 12 },
  { summary: "Usage analytics pipeline", children: 25 },
  { summary: "Mobile offline mode", children: 6 },
  { summary: "Security hardening", children: 8 },
];

const childTitles = [
  "Design the first-run checklist",
  "Persist progress between sessions",
  "Add event tracking for each step",
  "Fix layout glitch on small screens",
  "Write migration for legacy accounts",
  "Document the public API changes",
  "Load test the ingestion endpoint",
  "Handle retries on flaky networks",
  "Review access control rules",
  "Clean up feature flags",
];

/** A realistic project: epics with 6–25 children of mixed types, statuses, assignees, sprints and story points. */
export function demoSite(flavor: Flavor, now = Date.now()): SimStore {
  const store = emptySite(flavor);
  // Seeded so the demo site is the same on every start.
  const random = seededRandom(42);
  const teth = store.projectByIdOrKey("TETH");
  const board = [...store.boards.values()].find((candidate) => candidate.projectId === teth?.id);
  if (!teth || !board) throw new Error("demo project missing");
  const sprints: SimSprint[] = [
    { id: store.nextId("sprintId"), name: "TETH Sprint 1", state: "closed", boardId: board.id, goal: "Onboarding basics", startDate: now - 28 * day, endDate: now - 14 * day, completeDate: now - 14 * day, createdDate: now - 30 * day },
    { id: store.nextId("sprintId"), name: "TETH Sprint 2", state: "active", boardId: board.id, goal: "Analytics MVP", startDate: now - 7 * day, endDate: now + 7 * day, completeDate: null, createdDate: now - 16 * day },
    { id: store.nextId("sprintId"), name: "TETH Sprint 3", state: "future", boardId: board.id, goal: "", startDate: null, endDate: null, completeDate: null, createdDate: now - 2 * day },
  ];
  for (const sprint of sprints) store.sprints.set(sprint.id, sprint);

  const people = ["ada", "ben", "cara", "dan"].map((name) => store.userByName(name)?.key ?? null);
  const catalog = store.catalog;
  const epicType = epicIssueType(catalog);
  const standardTypes = catalog.issueTypes.filter((type) => type.hierarchyLevel === 0);
  const subtaskType = catalog.issueTypes.find((type) => type.subtask);
  const statuses = catalog.statuses;
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  const make = (fields: Partial<SimIssue> & { summary: string; issueTypeId: string }, age: number, project: SimProject = teth): SimIssue => {
    const created = now - age;
    const projectStatuses = store.schemeOf(project.id).statuses;
    const status = fields.statusId ?? projectStatuses[0]?.id ?? "10000";
    const done = projectStatuses.find((candidate) => candidate.id === status)?.category === "done";
    const id = store.nextId("issueId");
    const description = `${fields.summary}.\n\nAcceptance: works for every workspace.`;
    const issue: SimIssue = {
      id,
      key: `${project.key}-${project.nextIssueNumber++}`,
      projectId: project.id,
      statusId: status,
      description: flavor === "cloud" ? { kind: "adf", doc: textToAdf(description) } : { kind: "wiki", text: description },
      assigneeKey: pick(people),
      reporterKey: people[0] ?? null,
      creatorKey: people[0] ?? "",
      priorityId: pick(catalog.priorities).id,
      labels: random() < 0.3 ? ["customer-facing"] : [],
      parentId: null,
      epicLinkId: null,
      epicName: null,
      sprintIds: [],
      resolutionId: done ? (catalog.resolutions[0]?.id ?? null) : null,
      resolutionDate: done ? created + age / 2 : null,
      dueDate: null,
      custom: { [catalog.customFieldIds.rank]: `0|i${id.toString(36).padStart(5, "0")}:` },
      created,
      updated: created + Math.floor(random() * age * 0.8),
      statusCategoryChanged: created,
      comments: [],
      properties: {},
      changelog: [],
      ...fields,
    };
    store.insertIssue(issue);
    return issue;
  };

  epics.forEach((spec, epicIndex) => {
    const epic = make({ summary: spec.summary, issueTypeId: epicType.id, statusId: epicIndex === 3 ? (statuses[0]?.id ?? "10000") : (statuses[1]?.id ?? "3"), epicName: flavor === "datacenter" ? spec.summary : null }, (50 - epicIndex) * day);
    if (flavor === "cloud") epic.custom[catalog.customFieldIds.wsjf] = [12.5, 8, 4.2, 9.75][epicIndex] ?? null;
    for (let index = 0; index < spec.children; index++) {
      const type = standardTypes[index % standardTypes.length] ?? epicType;
      const status = pick(statuses);
      const sprint = status.category === "done" ? sprints[0] : random() < 0.6 ? sprints[1] : random() < 0.5 ? sprints[2] : undefined;
      const child = make(
        {
          summary: `${childTitles[index % childTitles.length]} (${spec.summary.split(" ")[0]} ${index + 1})`,
          issueTypeId: type.id,
          statusId: status.id,
          sprintIds: sprint ? [sprint.id] : [],
          custom: {
            [catalog.customFieldIds.storyPoints]: pick([1, 2, 3, 5, 8, 13]),
            [catalog.customFieldIds.rank]: `0|i${(store.counters.issueId).toString(36).padStart(5, "0")}:`,
            ...(random() < 0.5 ? { [catalog.customFieldIds.riskLevel]: pick(["10100", "10101", "10102"]) } : {}),
          },
        },
        (45 - epicIndex * 5 - (index % 20)) * day,
      );
      if (flavor === "cloud") store.setParent(child, epic.id);
      else store.setEpicLink(child, epic.id);
      if (index % 7 === 0 && subtaskType) {
        const subtask = make({ summary: `Sub-task of ${child.key}`, issueTypeId: subtaskType.id, statusId: statuses[0]?.id ?? "10000" }, 10 * day);
        store.setParent(subtask, child.id);
      }
      if (index % 5 === 0) {
        const author = pick(people) ?? "";
        const text = "Looks good, let's ship it after review.";
        child.comments.push({ id: String(store.nextId("commentId")), authorKey: author, updateAuthorKey: author, body: flavor === "cloud" ? { kind: "adf", doc: textToAdf(text) } : { kind: "wiki", text }, created: child.updated, updated: child.updated });
      }
    }
  });
  make({ summary: "Triage incoming support requests", issueTypeId: standardTypes[1]?.id ?? epicType.id }, 3 * day);
  make({ summary: "Upgrade build toolchain", issueTypeId: standardTypes[1]?.id ?? epicType.id }, 2 * day);
  const nova = store.projectByIdOrKey("NOVA");
  if (nova) seedTeamManaged(store, nova, (fields, age) => make(fields, age, nova), pick);
  return store;
}

/** Two Epics with children in the team-managed space: its own types, statuses and "Story point estimate"; children through `parent`. */
function seedTeamManaged(store: SimStore, nova: SimProject, make: (fields: Partial<SimIssue> & { summary: string; issueTypeId: string }, age: number) => SimIssue, pick: <T>(items: readonly T[]) => T): void {
  const scheme = store.schemeOf(nova.id);
  const epicType = scheme.issueTypes.find((type) => type.hierarchyLevel === 1);
  const standard = scheme.issueTypes.filter((type) => type.hierarchyLevel === 0);
  if (!epicType) throw new Error("team-managed project has no Epic type");
  [
    { summary: "Self-service data export", children: 5 },
    { summary: "Partner API sandbox", children: 3 },
  ].forEach((spec, epicIndex) => {
    const epic = make({ summary: spec.summary, issueTypeId: epicType.id, statusId: scheme.statuses[epicIndex === 0 ? 1 : 0]?.id ?? "" }, (30 - epicIndex) * day);
    for (let index = 0; index < spec.children; index++) {
      const child = make(
        {
          summary: `${childTitles[(index + 3) % childTitles.length]} (${spec.summary.split(" ")[0]} ${index + 1})`,
          issueTypeId: standard[index % standard.length]?.id ?? epicType.id,
          statusId: pick(scheme.statuses).id,
          custom: { [scheme.fieldIds.storyPoints]: pick([1, 2, 3, 5, 8]), [scheme.fieldIds.rank]: `0|i${store.counters.issueId.toString(36).padStart(5, "0")}:` },
        },
        (25 - epicIndex * 5 - index) * day,
      );
      store.setParent(child, epic.id);
    }
  });
}
