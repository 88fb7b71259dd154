import { templateFields } from "./template-fields.ts";
import type {
  FieldDef,
  Flavor,
  IssueTypeDef,
  LinkTypeDef,
  PriorityDef,
  ResolutionDef,
  StatusDef,
  TransitionDef,
} from "./types.ts";

/**
 * The site's configuration (issue types, workflow, fields, …). Ids and names differ between
 * flavors on purpose, as they do between real sites, so clients must look them up by name/schema.
 */
export type Catalog = {
  flavor: Flavor;
  /** Site-wide, plus (Cloud) team-managed projects' own, told apart by `scopeProjectId`: see project-scheme.ts. */
  issueTypes: IssueTypeDef[];
  statuses: StatusDef[];
  transitions: TransitionDef[];
  workflowName: string;
  priorities: readonly PriorityDef[];
  defaultPriorityId: string;
  resolutions: readonly ResolutionDef[];
  linkTypes: readonly LinkTypeDef[];
  fields: FieldDef[];
  /** The company-managed scheme's custom fields (a team-managed project's own: project-scheme.ts). */
  customFieldIds: CustomFieldIds;
};

export type CustomFieldIds = {
  storyPoints: string;
  wsjf: string;
  riskLevel: string;
  sprint: string;
  rank: string;
  /** Data Center only. */
  epicLink: string | null;
  epicName: string | null;
};

export const statusCategories = {
  new: { id: 2, key: "new", colorName: "blue-gray", name: "To Do" },
  indeterminate: { id: 4, key: "indeterminate", colorName: "yellow", name: "In Progress" },
  done: { id: 3, key: "done", colorName: "green", name: "Done" },
} as const;
export const undefinedStatusCategory = { id: 1, key: "undefined", colorName: "medium-gray", name: "No Category" } as const;

const statuses: StatusDef[] = [
  { id: "10000", name: "To Do", description: "", category: "new" },
  { id: "3", name: "In Progress", description: "This issue is being actively worked on at the moment by the assignee.", category: "indeterminate" },
  { id: "10001", name: "In Review", description: "", category: "indeterminate" },
  { id: "10002", name: "Done", description: "", category: "done" },
];

/** Done is reachable only through In Review, so clients must walk the workflow. */
const transitions: TransitionDef[] = [
  { id: "11", name: "Start Progress", from: ["10000"], to: "3", screen: [], clearsResolution: false },
  { id: "21", name: "Request Review", from: ["3"], to: "10001", screen: [], clearsResolution: false },
  { id: "31", name: "Done", from: ["10001"], to: "10002", screen: [{ fieldId: "resolution", required: true }], clearsResolution: false },
  { id: "41", name: "Reopen", from: ["10002"], to: "10000", screen: [], clearsResolution: true },
  { id: "51", name: "Back to To Do", from: ["3", "10001"], to: "10000", screen: [], clearsResolution: false },
  { id: "61", name: "Needs Work", from: ["10001"], to: "3", screen: [], clearsResolution: false },
];

const resolutions: ResolutionDef[] = [
  { id: "10000", name: "Done", description: "Work has been completed on this issue." },
  { id: "10001", name: "Won't Do", description: "This issue won't be actioned." },
  { id: "10002", name: "Duplicate", description: "The problem is a duplicate of an existing issue." },
];

const linkTypes: LinkTypeDef[] = [
  { id: "10000", name: "Blocks", inward: "is blocked by", outward: "blocks" },
  { id: "10001", name: "Cloners", inward: "is cloned by", outward: "clones" },
  { id: "10002", name: "Duplicate", inward: "is duplicated by", outward: "duplicates" },
  { id: "10003", name: "Relates", inward: "relates to", outward: "relates to" },
];

function system(id: string, name: string, schema: FieldDef["schema"], clauseNames: string[] = [id], navigable = true): FieldDef {
  return { id, name, custom: false, navigable, orderable: true, searchable: true, clauseNames, schema };
}

export function custom(id: string, name: string, type: string, customType: string, items?: string): FieldDef {
  const customId = Number(id.replace("customfield_", ""));
  return {
    id,
    name,
    custom: true,
    navigable: true,
    orderable: true,
    searchable: true,
    clauseNames: [`cf[${customId}]`, name],
    schema: { type, ...(items ? { items } : {}), custom: customType, customId },
  };
}

const riskOptions = [
  { id: "10100", value: "Low" },
  { id: "10101", value: "Medium" },
  { id: "10102", value: "High" },
];

function systemFields(): FieldDef[] {
  const fields = [
    system("summary", "Summary", { type: "string", system: "summary" }),
    system("description", "Description", { type: "string", system: "description" }),
    system("issuetype", "Issue Type", { type: "issuetype", system: "issuetype" }, ["issuetype", "type"]),
    system("project", "Project", { type: "project", system: "project" }),
    system("status", "Status", { type: "status", system: "status" }),
    system("priority", "Priority", { type: "priority", system: "priority" }),
    system("assignee", "Assignee", { type: "user", system: "assignee" }),
    system("reporter", "Reporter", { type: "user", system: "reporter" }),
    system("creator", "Creator", { type: "user", system: "creator" }),
    system("labels", "Labels", { type: "array", items: "string", system: "labels" }),
    system("created", "Created", { type: "datetime", system: "created" }, ["created", "createdDate"]),
    system("updated", "Updated", { type: "datetime", system: "updated" }, ["updated", "updatedDate"]),
    system("resolution", "Resolution", { type: "resolution", system: "resolution" }),
    system("resolutiondate", "Resolved", { type: "datetime", system: "resolutiondate" }, ["resolutiondate", "resolved"]),
    system("duedate", "Due date", { type: "date", system: "duedate" }, ["duedate", "due"]),
    system("issuelinks", "Linked Issues", { type: "array", items: "issuelinks", system: "issuelinks" }, ["issueLink"]),
    system("subtasks", "Sub-tasks", { type: "array", items: "issuelinks", system: "subtasks" }, ["subtasks"]),
    system("comment", "Comment", { type: "comments-page", system: "comment" }, ["comment"], false),
    system("statuscategorychangedate", "Status Category Changed", { type: "datetime", system: "statuscategorychangedate" }, ["statusCategoryChangedDate"]),
    system("issuekey", "Key", null, ["id", "issue", "issuekey", "key"]),
  ];
  // Data Center uses `parent` for sub-tasks only; Cloud also for epic children.
  fields.push(system("parent", "Parent", null, ["parent"]));
  return fields;
}

export function buildCatalog(flavor: Flavor): Catalog {
  const cloud = flavor === "cloud";
  const issueTypes: IssueTypeDef[] = cloud
    ? [
        { id: "10000", name: "Epic", description: "Epics track collections of related bugs, stories, and tasks.", subtask: false, hierarchyLevel: 1, avatarId: 10307, entityId: "2f0f2c5b-6a32-4a5e-9d3e-1b1f0d7e0a01" },
        { id: "10001", name: "Story", description: "Stories track functionality or features expressed as user goals.", subtask: false, hierarchyLevel: 0, avatarId: 10315, entityId: "2f0f2c5b-6a32-4a5e-9d3e-1b1f0d7e0a02" },
        { id: "10002", name: "Task", description: "Tasks track small, distinct pieces of work.", subtask: false, hierarchyLevel: 0, avatarId: 10318, entityId: "2f0f2c5b-6a32-4a5e-9d3e-1b1f0d7e0a03" },
        { id: "10003", name: "Bug", description: "Bugs track problems or errors.", subtask: false, hierarchyLevel: 0, avatarId: 10303, entityId: "2f0f2c5b-6a32-4a5e-9d3e-1b1f0d7e0a04" },
        { id: "10004", name: "Subtask", description: "Subtasks track small pieces of work that are part of a larger task.", subtask: true, hierarchyLevel: -1, avatarId: 10316, entityId: "2f0f2c5b-6a32-4a5e-9d3e-1b1f0d7e0a05" },
      ]
    : [
        { id: "10000", name: "Epic", description: "Created by Jira Software - do not edit or delete. Issue type for a big user story that needs to be broken down.", subtask: false, hierarchyLevel: 1, avatarId: 10307, entityId: "" },
        { id: "10001", name: "Story", description: "Created by Jira Software - do not edit or delete. Issue type for a user story.", subtask: false, hierarchyLevel: 0, avatarId: 10315, entityId: "" },
        { id: "3", name: "Task", description: "A task that needs to be done.", subtask: false, hierarchyLevel: 0, avatarId: 10318, entityId: "" },
        { id: "1", name: "Bug", description: "A problem which impairs or prevents the functions of the product.", subtask: false, hierarchyLevel: 0, avatarId: 10303, entityId: "" },
        { id: "5", name: "Sub-task", description: "The sub-task of the issue", subtask: true, hierarchyLevel: -1, avatarId: 10316, entityId: "" },
      ];
  const priorities: PriorityDef[] = cloud
    ? [
        { id: "1", name: "Highest", description: "This problem will block progress.", statusColor: "#d04437", iconName: "highest" },
        { id: "2", name: "High", description: "Serious problem that could block progress.", statusColor: "#f15C75", iconName: "high" },
        { id: "3", name: "Medium", description: "Has the potential to affect progress.", statusColor: "#f79232", iconName: "medium" },
        { id: "4", name: "Low", description: "Minor problem or easily worked around.", statusColor: "#707070", iconName: "low" },
        { id: "5", name: "Lowest", description: "Trivial problem with little or no impact on progress.", statusColor: "#999999", iconName: "lowest" },
      ]
    : [
        { id: "1", name: "Blocker", description: "Blocks development and/or testing work, production could not run", statusColor: "#d04437", iconName: "blocker" },
        { id: "2", name: "Critical", description: "Crashes, loss of data, severe memory leak.", statusColor: "#f15C75", iconName: "critical" },
        { id: "3", name: "Major", description: "Major loss of function.", statusColor: "#f79232", iconName: "major" },
        { id: "4", name: "Minor", description: "Minor loss of function, or other problem where easy workaround is present.", statusColor: "#707070", iconName: "minor" },
        { id: "5", name: "Trivial", description: "Cosmetic problem like misspelt words or misaligned text.", statusColor: "#999999", iconName: "trivial" },
      ];
  const customFieldIds: CustomFieldIds = cloud
    ? { storyPoints: "customfield_10016", wsjf: "customfield_10050", riskLevel: "customfield_10051", sprint: "customfield_10020", rank: "customfield_10019", epicLink: null, epicName: null }
    : { storyPoints: "customfield_10106", wsjf: "customfield_10200", riskLevel: "customfield_10201", sprint: "customfield_10104", rank: "customfield_10105", epicLink: "customfield_10100", epicName: "customfield_10102" };
  const fields: FieldDef[] = [
    ...systemFields(),
    custom(customFieldIds.storyPoints, cloud ? "Story point estimate" : "Story Points", "number", "com.atlassian.jira.plugin.system.customfieldtypes:float"),
    custom(customFieldIds.wsjf, "WSJF", "number", "com.atlassian.jira.plugin.system.customfieldtypes:float"),
    { ...custom(customFieldIds.riskLevel, "Risk Level", "option", "com.atlassian.jira.plugin.system.customfieldtypes:select"), options: riskOptions },
    custom(customFieldIds.sprint, "Sprint", "array", "com.pyxis.greenhopper.jira:gh-sprint", "json"),
    custom(customFieldIds.rank, "Rank", "any", "com.pyxis.greenhopper.jira:gh-lexo-rank"),
    ...templateFields(flavor),
  ];
  if (customFieldIds.epicLink && customFieldIds.epicName) {
    fields.push(custom(customFieldIds.epicLink, "Epic Link", "any", "com.pyxis.greenhopper.jira:gh-epic-link"));
    fields.push(custom(customFieldIds.epicName, "Epic Name", "string", "com.pyxis.greenhopper.jira:gh-epic-label"));
  }
  return {
    flavor,
    issueTypes,
    statuses: [...statuses],
    transitions: [...transitions],
    workflowName: "Software Simplified Workflow",
    priorities,
    defaultPriorityId: "3",
    resolutions,
    linkTypes,
    fields,
    customFieldIds,
  };
}

/** Custom field id number → name: what JQL's `cf[NNNNN]` clause names refer to. */
export function customFieldNames(catalog: Catalog): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const field of catalog.fields) {
    if (field.custom && field.schema?.customId !== undefined) names.set(String(field.schema.customId), field.name);
  }
  return names;
}

export function epicIssueType(catalog: Catalog): IssueTypeDef {
  const epic = catalog.issueTypes.find((type) => type.hierarchyLevel === 1);
  if (!epic) throw new Error("catalog has no epic issue type");
  return epic;
}
