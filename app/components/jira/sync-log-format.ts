import type { LinkState, SyncLogEntry } from "../../../common/contracts/jira-sync.ts";

export const directionArrow: Record<SyncLogEntry["direction"], string> = { to_jira: "→ Jira", from_jira: "← Jira", none: "·" };
export const directionLabel: Record<SyncLogEntry["direction"], string> = { to_jira: "Tether → Jira", from_jira: "Jira → Tether", none: "Neither" };

export const outcomeColor: Record<SyncLogEntry["outcome"], string> = { ok: "green", skipped: "gray", retrying: "yellow", blocked: "orange", failed: "red", conflict: "grape" };

export const linkStateColor: Record<LinkState, string> = { ok: "green", pending: "blue", creating: "blue", retrying: "yellow", blocked: "orange", error: "red", broken: "red" };
export const linkStateLabel: Record<LinkState, string> = {
  ok: "In sync",
  pending: "Change waiting",
  creating: "Creating Epic",
  retrying: "Retrying",
  blocked: "Blocked",
  error: "Error",
  broken: "Issue gone",
};
/** States in which Jira has not caught up yet and the engine is still working. */
export const isSettling = (state: LinkState) => state === "creating" || state === "pending" || state === "retrying";

const maxValueLength = 60;

/** A logged field value in a few words: text shortened, lists joined, nothing shown as "empty". */
export function formatLogValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "empty";
  let text: string;
  if (typeof value === "string") text = value;
  else if (typeof value === "number" || typeof value === "boolean") text = String(value);
  else if (Array.isArray(value)) text = value.length === 0 ? "empty" : value.map((v) => formatLogValue(v)).join(", ");
  else text = JSON.stringify(value);
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > maxValueLength ? `${oneLine.slice(0, maxValueLength - 1)}…` : oneLine;
}

export const formatChange = (change: SyncLogEntry["changes"][number]) => `${change.field}: ${formatLogValue(change.old)} → ${formatLogValue(change.new)}`;

export const operationLabel = (operation: string) => operation.replaceAll("_", " ");
