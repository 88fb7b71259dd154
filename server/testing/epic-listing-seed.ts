import type { JiraSim } from "../../sim/jira/index.ts";

const types = ["Story", "Task", "Bug"] as const;

/**
 * An Epic with `children` issues in the simulator, made through Jira's own create path: Cloud sets
 * `parent`, Data Center the Epic Link field. Child i is a Story/Task/Bug in turn, has i % 5 + 1
 * story points, and every third child is unassigned; summaries say "Child i".
 */
export function seedEpic(sim: JiraSim, flavor: "cloud" | "datacenter", children: number, title = `Listing epic ${children}`, projectKey = "TETH"): { epicKey: string; childKeys: string[] } {
  // The project's own issue types and fields (a team-managed project has its own ids).
  const project = sim.control.store.projectByIdOrKey(projectKey);
  if (!project) throw new Error(`no project ${projectKey}`);
  const scheme = sim.control.store.schemeOf(project.id);
  const ids = scheme.fieldIds;
  const typeId = (name: string) => scheme.issueTypes.find((type) => type.name === name)?.id ?? "";
  const epic = sim.control.createIssue("ada", {
    project: { key: projectKey },
    issuetype: { id: typeId("Epic") },
    summary: title,
    ...(ids.epicName ? { [ids.epicName]: title } : {}),
  });
  const assignee = flavor === "cloud" ? sim.control.user("ada").accountId : sim.control.user("ada").name;
  const childKeys: string[] = [];
  for (let i = 0; i < children; i++) {
    const created = sim.control.createIssue("ada", {
      project: { key: projectKey },
      issuetype: { id: typeId(types[i % types.length]!) },
      summary: `Child ${i} of ${title}`,
      [ids.storyPoints]: (i % 5) + 1,
      ...(i % 3 === 0 ? {} : { assignee: flavor === "cloud" ? { accountId: assignee } : { name: assignee } }),
      ...(ids.epicLink ? { [ids.epicLink]: epic.key } : { parent: { key: epic.key } }),
    });
    childKeys.push(created.key);
  }
  return { epicKey: epic.key, childKeys };
}
