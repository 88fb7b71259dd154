import type { SimStore } from "../model/store.ts";
import type { ChangeGroup, ChangeItem, SimIssue, SimSprint, SimUser } from "../model/types.ts";
import { richTextAsString } from "../render/adf.ts";

/** Builds changelog items the way Jira names them (field name, fieldtype, ids + display strings). */
export class ChangeRecorder {
  readonly items: ChangeItem[] = [];
  constructor(private readonly store: SimStore) {}

  system(fieldId: string, field: string, from: string | null, fromString: string | null, to: string | null, toString: string | null): void {
    if (from === to && fromString === toString) return;
    this.items.push({ field, fieldtype: "jira", fieldId, from, fromString, to, toString });
  }

  custom(fieldId: string, field: string, from: string | null, fromString: string | null, to: string | null, toString: string | null): void {
    if (from === to && fromString === toString) return;
    this.items.push({ field, fieldtype: "custom", fieldId, from, fromString, to, toString });
  }

  user(fieldId: "assignee" | "reporter", fromKey: string | null, toKey: string | null): void {
    if (fromKey === toKey) return;
    const ref = (key: string | null) => (key === null ? undefined : this.store.userByKey(key));
    const id = (user: SimUser | undefined) => (user ? (this.store.flavor === "cloud" ? user.accountId : user.key) : null);
    const from = ref(fromKey);
    const to = ref(toKey);
    this.system(fieldId, fieldId, id(from), from?.displayName ?? null, id(to), to?.displayName ?? null);
  }

  sprints(fieldId: string, from: readonly number[], to: readonly number[]): void {
    const names = (ids: readonly number[]) =>
      ids
        .map((id) => this.store.sprints.get(id))
        .filter((sprint): sprint is SimSprint => sprint !== undefined)
        .map((sprint) => sprint.name)
        .join(", ");
    if (from.join(",") === to.join(",")) return;
    this.custom(fieldId, "Sprint", from.join(", ") || null, names(from) || null, to.join(", ") || null, names(to) || null);
  }

  description(from: SimIssue["description"], to: SimIssue["description"]): void {
    const text = (value: SimIssue["description"]) => (value === null ? null : richTextAsString(value));
    const before = text(from);
    const after = text(to);
    if (before === after) return;
    this.system("description", "description", null, before, null, after);
  }

  get empty(): boolean {
    return this.items.length === 0;
  }

  /** Store the change group on the issue and bump `updated`. */
  commit(issue: SimIssue, actor: SimUser, now: number): ChangeGroup {
    const group: ChangeGroup = { id: String(this.store.nextId("changeGroupId")), authorKey: actor.key, created: now, items: [...this.items] };
    if (group.items.length > 0) issue.changelog.push(group);
    issue.updated = now;
    this.store.bump(issue.id);
    return group;
  }
}
