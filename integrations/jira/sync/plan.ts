import type { ConflictPolicy, SyncDirection, SyncField } from "../../../common/contracts/jira-mapping.ts";
import { flowsFromJira, flowsToJira } from "./field-kinds.ts";
import { isEmptyValue, isUnmappable, sameValue, type SyncValue } from "./values.ts";

/** What to do with one mapped field, decided from both sides' values and the base. */
export type FieldAction =
  | { field: SyncField; action: "none" }
  /** Both sides already hold the same value; only the base moves. */
  | { field: SyncField; action: "agree"; value: SyncValue }
  | { field: SyncField; action: "push"; value: SyncValue; from: SyncValue | undefined; conflict: Conflict | null }
  | { field: SyncField; action: "pull"; value: SyncValue; from: SyncValue | undefined; conflict: Conflict | null }
  /** Both sides changed a label set: additions and removals of both are kept, and both sides get the result. */
  | { field: SyncField; action: "merge"; value: readonly string[]; tether: SyncValue; jira: SyncValue }
  /** Both changed and the policy is "ask": parked for a person. */
  | { field: SyncField; action: "ask"; conflict: Conflict }
  /** Cannot be carried (a Tether value with no Jira counterpart). */
  | { field: SyncField; action: "skip"; reason: string };

export type Conflict = { tether: SyncValue; jira: SyncValue; base: SyncValue | undefined; winner: "tether" | "jira" | "person"; reason: string };

export type FieldState = {
  field: SyncField;
  direction: SyncDirection;
  tether: SyncValue;
  jira: SyncValue;
  /** undefined: never agreed (a freshly linked existing issue). */
  base: SyncValue | undefined;
};

export type PlanContext = {
  policy: ConflictPolicy;
  /** When Tether last changed this field (ms); null when unknown. */
  tetherChangedAt: (field: SyncField) => number | null;
  /** Jira's `updated` of the issue read (ms). */
  jiraChangedAt: number | null;
};

function resolveConflict(state: FieldState, context: PlanContext): FieldAction {
  const conflictOf = (winner: Conflict["winner"], reason: string): Conflict => ({
    tether: state.tether,
    jira: state.jira,
    base: state.base,
    winner,
    reason,
  });
  const push = (reason: string): FieldAction => ({ field: state.field, action: "push", value: state.tether, from: state.jira, conflict: conflictOf("tether", reason) });
  const pull = (reason: string): FieldAction => ({ field: state.field, action: "pull", value: state.jira, from: state.tether, conflict: conflictOf("jira", reason) });
  switch (context.policy) {
    case "tether_wins":
      return push("policy: Tether wins");
    case "jira_wins":
      return pull("policy: Jira wins");
    case "ask":
      return { field: state.field, action: "ask", conflict: conflictOf("person", "policy: ask a person") };
    case "newest_wins": {
      const tetherAt = context.tetherChangedAt(state.field);
      const jiraAt = context.jiraChangedAt;
      // Unknown times: Jira's change is the one we just saw, so it is the newest we know of.
      if (tetherAt !== null && (jiraAt === null || tetherAt > jiraAt)) return push("newest change wins: Tether's was later");
      return pull("newest change wins: Jira's was later");
    }
  }
}

/**
 * The merge rule (docs/SYNC.md): a side's change is carried to the other side only while the
 * other side still holds the base; both changed → the conflict policy. Echoes of our own writes
 * come back equal to the base and so do nothing.
 */
export function planField(state: FieldState, context: PlanContext): FieldAction {
  const { field, direction, tether, jira, base } = state;
  if (direction === "off") return { field, action: "none" };
  const toJira = flowsToJira(direction);
  const fromJira = flowsFromJira(direction, field);
  if (sameValue(tether, jira)) return sameValue(base, tether) ? { field, action: "none" } : { field, action: "agree", value: tether };
  const tetherChanged = !sameValue(tether, base);
  const jiraChanged = !sameValue(jira, base);
  const push = (): FieldAction =>
    isUnmappable(tether)
      ? { field, action: "skip", reason: tether.unmappable }
      : { field, action: "push", value: tether, from: jira, conflict: null };
  const pull = (): FieldAction => ({ field, action: "pull", value: jira, from: tether, conflict: null });

  if (base === undefined) {
    // Never agreed (an existing issue just linked, or a field just mapped): Tether's values lead
    // where they flow to Jira, but a first agreement never clears a value on either side — an
    // empty use-case field takes Jira's value, and an empty Jira field never wipes Tether's.
    if (isEmptyValue(tether) && !isEmptyValue(jira)) return fromJira ? pull() : { field, action: "none" };
    if (isEmptyValue(jira) && !isEmptyValue(tether)) return toJira ? push() : { field, action: "none" };
    if (toJira) return push();
    return fromJira ? pull() : { field, action: "none" };
  }
  if (tetherChanged && !jiraChanged) return toJira ? push() : { field, action: "none" };
  if (jiraChanged && !tetherChanged) return fromJira ? pull() : { field, action: "none" };
  // Both changed to different values.
  if (toJira && !fromJira) return push();
  if (fromJira && !toJira) return pull();
  if (isUnmappable(tether)) return pull();
  // Only label sets (built-in tags, custom tags and multi selects) hold arrays.
  if (Array.isArray(tether) && Array.isArray(jira) && Array.isArray(base)) {
    return { field, action: "merge", value: mergeSets(base, tether, jira), tether, jira };
  }
  return resolveConflict(state, context);
}

export function planSync(states: readonly FieldState[], context: PlanContext): FieldAction[] {
  return states.map((state) => planField(state, context));
}

/** Three-way set merge: what either side added is in, what either side removed is out. */
export function mergeSets(base: readonly string[], tether: readonly string[], jira: readonly string[]): string[] {
  const removed = new Set([...base.filter((x) => !tether.includes(x)), ...base.filter((x) => !jira.includes(x))]);
  return [...new Set([...base, ...tether, ...jira])].filter((x) => !removed.has(x)).sort();
}
