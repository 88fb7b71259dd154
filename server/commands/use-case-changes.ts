import type { UpdateUseCaseInput, UseCaseFields, UserRef } from "../../common/contracts/use-cases.ts";
import type { UseCaseUpdate } from "../db/schema.ts";
import type { FieldChange } from "../models/use-case-history.ts";

/** Fields stored as one column each; the history row uses the API's field name. */
const columnFields = [
  ["title", "title"],
  ["description", "description"],
  ["priority", "priority"],
  ["tags", "tags"],
  ["targetDate", "target_date"],
  ["businessValue", "business_value"],
  ["timeCriticality", "time_criticality"],
  ["riskReduction", "risk_reduction"],
  ["jobSize", "job_size"],
  ["storyPoints", "story_points"],
  ["visibility", "visibility"],
] as const satisfies readonly (readonly [keyof UseCaseFields & keyof UpdateUseCaseInput, string])[];

export type UseCasePatch = Omit<UpdateUseCaseInput, "version">;

/** Names of the status and people a patch refers to, looked up (and checked) by the command. */
export type PatchReferences = {
  status?: { id: string; name: string } | undefined;
  people: ReadonlyMap<string, string>;
};

export type UseCaseChangeSet = {
  columns: UseCaseUpdate;
  /** The new member set, or null when members did not change. */
  memberIds: string[] | null;
  changes: FieldChange[];
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const byName = (a: UserRef, b: UserRef) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id);

/**
 * What a patch really changes: fields given with their current value are no change and write
 * nothing. History values are in the API's shape, with names for status and people so the
 * history still reads well after a rename or removal.
 */
export function diffUseCase(current: UseCaseFields, patch: UseCasePatch, references: PatchReferences): UseCaseChangeSet {
  const columns: Record<string, unknown> = {};
  const changes: FieldChange[] = [];
  const person = (id: string): UserRef => ({ id, displayName: references.people.get(id) ?? "" });

  for (const [field, column] of columnFields) {
    const next = patch[field];
    if (next === undefined || same(current[field], next)) continue;
    columns[column] = next;
    changes.push({ field, oldValue: current[field], newValue: next });
  }
  if (patch.statusId !== undefined && patch.statusId !== current.status.id) {
    const name = references.status?.name ?? "";
    columns.status_id = patch.statusId;
    changes.push({ field: "status", oldValue: { id: current.status.id, name: current.status.name }, newValue: { id: patch.statusId, name } });
  }
  if (patch.assigneeId !== undefined && patch.assigneeId !== (current.assignee?.id ?? null)) {
    columns.assignee_id = patch.assigneeId;
    const oldValue = current.assignee ? { id: current.assignee.id, displayName: current.assignee.displayName } : null;
    changes.push({ field: "assignee", oldValue, newValue: patch.assigneeId === null ? null : person(patch.assigneeId) });
  }
  let memberIds: string[] | null = null;
  if (patch.memberIds !== undefined) {
    const next = [...new Set(patch.memberIds)].sort();
    const before = current.members.map((m) => m.id).sort();
    if (!same(before, next)) {
      memberIds = next;
      changes.push({ field: "members", oldValue: [...current.members].sort(byName), newValue: next.map(person).sort(byName) });
    }
  }
  return { columns: columns as UseCaseUpdate, memberIds, changes };
}
