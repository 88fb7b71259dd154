import type { Role, StatusCategory } from "../../common/contracts/workspaces.ts";
import type { Priority, Visibility } from "../../common/contracts/use-cases.ts";

export const roleLabel: Record<Role, string> = { admin: "Admin", moderator: "Moderator", member: "Member", visitor: "Visitor" };
export const roleOptions = (Object.keys(roleLabel) as Role[]).map((value) => ({ value, label: roleLabel[value] }));

export const priorityLabel: Record<Priority, string> = { highest: "Highest", high: "High", medium: "Medium", low: "Low", lowest: "Lowest" };
export const priorityColor: Record<Priority, string> = { highest: "red", high: "orange", medium: "yellow", low: "teal", lowest: "gray" };
export const priorityOptions = (Object.keys(priorityLabel) as Priority[]).map((value) => ({ value, label: priorityLabel[value] }));

export const visibilityLabel: Record<Visibility, string> = { public: "Public", assigned: "Assigned people only" };
export const visibilityOptions = (Object.keys(visibilityLabel) as Visibility[]).map((value) => ({ value, label: visibilityLabel[value] }));

export const statusColor: Record<StatusCategory, string> = { todo: "gray", in_progress: "blue", done: "green" };

/**
 * A finished use case that was stopped (Rejected, Cancelled, Won't do…) is not a success: it is
 * shown red, not green like Done. The workflow has no "stopped" category yet (status categories
 * are todo / in progress / done, in the database and in Jira), so the status's name tells.
 */
const stoppedName = /\b(reject|cancel|declin|abandon|drop|discard|stopp|won['’]?t do|not doing)/i;
export function statusBadgeColor(status: { name: string; category: StatusCategory }): string {
  return status.category === "done" && stoppedName.test(status.name) ? "red" : statusColor[status.category];
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));
const date = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });
export const formatDate = (isoDate: string) => date.format(new Date(`${isoDate}T00:00:00Z`));
