import type { JiraClient, JiraStatus } from "../../../integrations/jira/client/index.ts";
import { fillTransitionFields, nextTransition, type WorkflowEdge } from "../../../integrations/jira/sync/transition-path.ts";
import type { Db } from "../../db/pool.ts";

const MAX_HOPS = 6;

export type StatusMove = { ok: true; steps: string[] } | { ok: false; code: string; reason: string; steps: string[] };

type Workflow = { db: Db; connectionId: string; projectKey: string; issueTypeId: string };

async function knownEdges(workflow: Workflow): Promise<WorkflowEdge[]> {
  const rows = await workflow.db
    .selectFrom("jira_workflow_edges")
    .select(["from_status_id", "transition_id", "to_status_id"])
    .where("connection_id", "=", workflow.connectionId)
    .where("project_key", "=", workflow.projectKey)
    .where("issue_type_id", "=", workflow.issueTypeId)
    .execute();
  return rows.map((r) => ({ fromStatusId: r.from_status_id, transitionId: r.transition_id, toStatusId: r.to_status_id }));
}

async function learnEdges(workflow: Workflow, fromStatusId: string, edges: Array<{ id: string; to: { id: string } }>) {
  if (edges.length === 0) return;
  await workflow.db
    .insertInto("jira_workflow_edges")
    .values(
      edges.map((t) => ({
        connection_id: workflow.connectionId,
        project_key: workflow.projectKey,
        issue_type_id: workflow.issueTypeId,
        from_status_id: fromStatusId,
        transition_id: t.id,
        to_status_id: t.to.id,
      })),
    )
    .onConflict((oc) => oc.columns(["connection_id", "project_key", "issue_type_id", "from_status_id", "transition_id"]).doUpdateSet({ seen_at: new Date() }))
    .execute();
}

/**
 * Walks the issue to the target status through Jira's transitions (docs/SYNC.md, "Status
 * changes"), learning the workflow as it goes. Stops with a reason a person can act on when no
 * path exists or a transition needs a field Tether cannot fill.
 */
export async function moveToStatus(client: JiraClient, workflow: Workflow, issueKey: string, fromStatusId: string, target: JiraStatus): Promise<StatusMove> {
  const steps: string[] = [];
  const visited = new Set([fromStatusId]);
  let current = fromStatusId;
  const edges = await knownEdges(workflow);
  for (let hop = 0; hop < MAX_HOPS; hop += 1) {
    const available = await client.getTransitions(issueKey, { expandFields: true });
    await learnEdges(workflow, current, available);
    const step = nextTransition({
      currentStatusId: current,
      targetStatusId: target.id,
      targetCategory: target.categoryKey,
      targetName: target.name,
      available,
      knownEdges: edges,
      visited,
    });
    if (step.kind === "blocked") return { ok: false, code: "jira_no_transition_path", reason: step.reason, steps };
    const { fields, missing } = fillTransitionFields(step.transition);
    if (missing.length > 0) {
      return {
        ok: false,
        code: "jira_transition_needs_fields",
        reason: `Jira's transition "${step.transition.name}" (to ${step.transition.to.name}) requires ${missing.join(", ")}, which Tether cannot fill. Move ${issueKey} in Jira, or ask a Jira admin to make the field optional on that transition's screen.`,
        steps,
      };
    }
    await client.transitionIssue(issueKey, step.transition.id, fields);
    steps.push(`${step.transition.name} → ${step.transition.to.name}`);
    current = step.transition.to.id;
    visited.add(current);
    if (current === target.id) return { ok: true, steps };
  }
  return { ok: false, code: "jira_no_transition_path", reason: `No path to "${target.name}" within ${MAX_HOPS} transitions.`, steps };
}
