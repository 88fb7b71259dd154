import type { Role, StatusCategory } from "../../common/contracts/workspaces.ts";
import type { Priority, Visibility } from "../../common/contracts/use-cases.ts";

export const roleLabel: Record<Role, string> = { admin: "Admin", moderator: "Moderator", member: "Member", visitor: "Visitor" };
export const roleOptions = (Object.keys(roleLabel) as Role[]).map((value) => ({ value, label: roleLabel[value] }));

export const priorityLabel: Record<Priority, string> = { highest: "Highest", high: "High", medium: "Medium", low: "Low", lowest: "Lowest" };
export const priorityColor: Record<Priority, string> = { highest: "red", high: "orange", medium: "yellow", low: "teal", lowest: "gray" };
export const priorityOptions = (Object.keys(priorityLabel) as Priority[]).map((value) => ({ value, label: priorityLabel[value] }));

export const visibilityLabel: Record<Visibility, string> = { public: "Public", assigned: "Assigned people only" };
export const visibilityOptions = (Object.keys(visibilityLabel) as Visibility[]).map((value) => ({ value, label: visibilityLabel[value] }));

/**
 * Colour by meaning, from the status's category: a finished use case is green, a stopped one
 * (Rejected, Cancelled, Won't do…) red, so a rejection never reads as a success.
 */
export const statusColor: Record<StatusCategory, string> = { todo: "gray", in_progress: "blue", done: "green", stopped: "red" };
export const statusBadgeColor = (status: { category: StatusCategory }): string => statusColor[status.category];

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));
const date = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });
export const formatDate = (isoDate: string) => date.format(new Date(`${isoDate}T00:00:00Z`));
