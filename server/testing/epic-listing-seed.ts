import type { JiraSim } from "../../sim/jira/index.ts";

const fieldIds = {
  cloud: { storyPoints: "customfield_10016", epicLink: null, epicName: null },
  datacenter: { storyPoints: "customfield_10106", epicLink: "customfield_10100", epicName: "customfield_10102" },
} as const;

const types = ["Story", "Task", "Bug"] as const;

/**
 * An Epic with `children` issues in the simulator, made through Jira's own create path: Cloud sets
 * `parent`, Data Center the Epic Link field. Child i is a Story/Task/Bug in turn, has i % 5 + 1
 * story points, and every third child is unassigned; summaries say "Child i".
 */
export function seedEpic(sim: JiraSim, flavor: "cloud" | "datacenter", children: number, title = `Listing epic ${children}`): { epicKey: string; childKeys: string[] } {
  const ids = fieldIds[flavor];
  const epic = sim.control.createIssue("ada", {
    project: { key: "TETH" },
    issuetype: { name: "Epic" },
    summary: title,
    ...(ids.epicName ? { [ids.epicName]: title } : {}),
  });
  const assignee = flavor === "cloud" ? sim.control.user("ada").accountId : sim.control.user("ada").name;
  const childKeys: string[] = [];
  for (let i = 0; i < children; i++) {
    const created = sim.control.createIssue("ada", {
      project: { key: "TETH" },
      issuetype: { name: types[i % types.length] },
      summary: `Child ${i} of ${title}`,
      [ids.storyPoints]: (i % 5) + 1,
      ...(i % 3 === 0 ? {} : { assignee: flavor === "cloud" ? { accountId: assignee } : { name: assignee } }),
      ...(ids.epicLink ? { [ids.epicLink]: epic.key } : { parent: { key: epic.key } }),
    });
    childKeys.push(created.key);
  }
  return { epicKey: epic.key, childKeys };
}
