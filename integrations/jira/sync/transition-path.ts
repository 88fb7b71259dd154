import type { JiraTransition } from "../client/types.ts";

/** A transition seen in Jira: from a status, through a transition, to a status. */
export type WorkflowEdge = { fromStatusId: string; transitionId: string; toStatusId: string };

export type NextStep =
  | { kind: "transition"; transition: JiraTransition }
  | { kind: "blocked"; reason: string };

const categoryRank: Record<string, number> = { new: 0, indeterminate: 1, done: 2 };

/** Steps from `start` to `target` over known edges (breadth-first), or null when unreachable. */
function distanceOverEdges(start: string, target: string, next: ReadonlyMap<string, string[]>, avoid: string): number | null {
  const queue: Array<{ status: string; depth: number }> = [{ status: start, depth: 0 }];
  const seen = new Set([avoid, start]);
  for (let item = queue.shift(); item; item = queue.shift()) {
    if (item.status === target) return item.depth;
    for (const to of next.get(item.status) ?? []) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push({ status: to, depth: item.depth + 1 });
      }
    }
  }
  return null;
}

/** The first hop of the shortest path over known edges, or null when the known graph has none. */
function firstHopOverKnownEdges(current: string, target: string, edges: readonly WorkflowEdge[], firstHops: readonly JiraTransition[]): JiraTransition | null {
  const next = new Map<string, string[]>();
  for (const edge of edges) next.set(edge.fromStatusId, [...(next.get(edge.fromStatusId) ?? []), edge.toStatusId]);
  let best: { hop: JiraTransition; distance: number } | null = null;
  for (const hop of firstHops) {
    const distance = distanceOverEdges(hop.to.id, target, next, current);
    if (distance !== null && (best === null || distance < best.distance)) best = { hop, distance };
  }
  return best?.hop ?? null;
}

/**
 * Chooses the next transition towards `target`: a direct one; else the first hop of a path over
 * the edges learned so far; else a step to a status not yet visited whose category lies towards
 * the target's. Never revisits a status, so a walk ends.
 */
export function nextTransition(input: {
  currentStatusId: string;
  targetStatusId: string;
  targetCategory: string | null;
  available: readonly JiraTransition[];
  knownEdges: readonly WorkflowEdge[];
  visited: ReadonlySet<string>;
  targetName: string;
}): NextStep {
  const { available, targetStatusId, visited } = input;
  const direct = available.find((t) => t.to.id === targetStatusId);
  if (direct) return { kind: "transition", transition: direct };
  const fresh = available.filter((t) => !visited.has(t.to.id));
  const viaKnown = firstHopOverKnownEdges(input.currentStatusId, targetStatusId, input.knownEdges, fresh);
  if (viaKnown) return { kind: "transition", transition: viaKnown };
  const targetRank = categoryRank[input.targetCategory ?? ""] ?? 1;
  const ranked = [...fresh].sort((a, b) => {
    const distance = (t: JiraTransition) => Math.abs((categoryRank[t.to.categoryKey ?? ""] ?? 1) - targetRank);
    return distance(a) - distance(b);
  });
  const step = ranked[0];
  if (!step) {
    const names = available.map((t) => `"${t.name}" → ${t.to.name}`).join(", ") || "none";
    return { kind: "blocked", reason: `No transition path leads to "${input.targetName}" from here (available: ${names}). A Jira admin can add one to the workflow, or map this Tether status to a reachable Jira status.` };
  }
  return { kind: "transition", transition: step };
}

/** Values Tether can fill for a transition's required screen fields; what remains blocks it. */
export function fillTransitionFields(transition: JiraTransition): { fields: Record<string, unknown>; missing: string[] } {
  const fields: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const field of transition.fields.filter((f) => f.required)) {
    const first = field.allowedValues?.[0] as { id?: string; name?: string } | undefined;
    if (field.id === "resolution" && first?.id) fields.resolution = { id: first.id };
    else missing.push(field.name || field.id);
  }
  return { fields, missing };
}
