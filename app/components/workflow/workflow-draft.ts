import type { StatusCategory, UseCaseStatus } from "../../../common/contracts/workspaces.ts";

/** A status as the editor holds it: `id` only for statuses the server already has. */
export type DraftStatus = { key: string; id?: string; name: string; category: StatusCategory };

export const maxStatuses = 30;
export const maxStatusNameLength = 60;

export const draftFromStatuses = (statuses: readonly UseCaseStatus[]): DraftStatus[] =>
  [...statuses].sort((a, b) => a.position - b.position).map((s) => ({ key: s.id, id: s.id, name: s.name, category: s.category }));

/** Swaps a status with its neighbour; moving past either end leaves the list as it is. */
export function moveStatus(draft: readonly DraftStatus[], index: number, offset: -1 | 1): DraftStatus[] {
  const target = index + offset;
  const moving = draft[index];
  const other = draft[target];
  if (!moving || !other) return [...draft];
  const next = [...draft];
  next[index] = other;
  next[target] = moving;
  return next;
}

export function updateStatus(draft: readonly DraftStatus[], key: string, change: Partial<Pick<DraftStatus, "name" | "category">>): DraftStatus[] {
  return draft.map((s) => (s.key === key ? { ...s, ...change } : s));
}

export const removeStatus = (draft: readonly DraftStatus[], key: string): DraftStatus[] => draft.filter((s) => s.key !== key);

export const addStatus = (draft: readonly DraftStatus[], key: string): DraftStatus[] => [...draft, { key, name: "", category: "todo" }];

/** Problems the server would refuse anyway, said before saving: per status key, plus any for the whole list. */
export function validateDraft(draft: readonly DraftStatus[]): { byKey: Map<string, string>; overall: string | null } {
  const byKey = new Map<string, string>();
  const seen = new Map<string, string>();
  for (const status of draft) {
    const name = status.name.trim();
    const folded = name.toLowerCase();
    if (name === "") byKey.set(status.key, "Give the status a name");
    else if (name.length > maxStatusNameLength) byKey.set(status.key, `At most ${maxStatusNameLength} characters`);
    else if (seen.has(folded)) byKey.set(status.key, "Another status has this name");
    else seen.set(folded, status.key);
  }
  const overall =
    draft.length === 0
      ? "The workflow needs at least one status."
      : draft.length > maxStatuses
        ? `A workflow has at most ${maxStatuses} statuses.`
        : null;
  return { byKey, overall };
}

/** The PUT body: the whole list in order, existing statuses with their id. */
export const draftToBody = (draft: readonly DraftStatus[]) => ({
  statuses: draft.map((s) => ({ ...(s.id ? { id: s.id } : {}), name: s.name.trim(), category: s.category })),
});

export function isDraftChanged(draft: readonly DraftStatus[], saved: readonly UseCaseStatus[]): boolean {
  const original = draftFromStatuses(saved);
  if (original.length !== draft.length) return true;
  return draft.some((s, i) => {
    const o = original[i];
    return !o || o.id !== s.id || o.name !== s.name.trim() || o.category !== s.category;
  });
}
