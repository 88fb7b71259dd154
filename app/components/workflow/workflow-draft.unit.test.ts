import { describe, expect, test } from "vitest";
import type { UseCaseStatus } from "../../../common/contracts/workspaces.ts";
import { addStatus, draftFromStatuses, draftToBody, isDraftChanged, moveStatus, removeStatus, updateStatus, validateDraft } from "./workflow-draft.ts";

const saved: UseCaseStatus[] = [
  { id: "00000000-0000-4000-8000-000000000002", name: "Done", category: "done", position: 1 },
  { id: "00000000-0000-4000-8000-000000000001", name: "Idea", category: "todo", position: 0 },
];

describe("workflow draft", () => {
  test("starts in workflow order and is unchanged until edited", () => {
    const draft = draftFromStatuses(saved);
    expect(draft.map((s) => s.name)).toEqual(["Idea", "Done"]);
    expect(isDraftChanged(draft, saved)).toBe(false);
  });

  test("a new status moved before Done is sent without id, in its place, trimmed", () => {
    let draft = addStatus(draftFromStatuses(saved), "new-1");
    draft = updateStatus(draft, "new-1", { name: "  Parked ", category: "in_progress" });
    draft = moveStatus(draft, 2, -1);
    expect(draftToBody(draft)).toEqual({
      statuses: [
        { id: saved[1]?.id, name: "Idea", category: "todo" },
        { name: "Parked", category: "in_progress" },
        { id: saved[0]?.id, name: "Done", category: "done" },
      ],
    });
    expect(isDraftChanged(draft, saved)).toBe(true);
  });

  test("moving past either end changes nothing", () => {
    const draft = draftFromStatuses(saved);
    expect(moveStatus(draft, 0, -1)).toEqual(draft);
    expect(moveStatus(draft, 1, 1)).toEqual(draft);
  });

  test("reordering alone counts as a change; whitespace-only renames do not", () => {
    const draft = draftFromStatuses(saved);
    expect(isDraftChanged(moveStatus(draft, 0, 1), saved)).toBe(true);
    expect(isDraftChanged(updateStatus(draft, saved[1]?.id ?? "", { name: "Idea " }), saved)).toBe(false);
  });

  test("blank and duplicate names (ignoring case) are flagged on the later status; an empty workflow is refused", () => {
    let draft = addStatus(addStatus(draftFromStatuses(saved), "a"), "b");
    draft = updateStatus(draft, "a", { name: "done" });
    const { byKey, overall } = validateDraft(draft);
    expect(byKey.get("a")).toBe("Another status has this name");
    expect(byKey.get("b")).toBe("Give the status a name");
    expect(byKey.has(saved[0]?.id ?? "")).toBe(false);
    expect(overall).toBeNull();
    const emptied = saved.reduce((d, s) => removeStatus(d, s.id), draftFromStatuses(saved));
    expect(validateDraft(emptied).overall).toBe("The workflow needs at least one status.");
  });
});
