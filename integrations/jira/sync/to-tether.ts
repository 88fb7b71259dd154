import { customFieldKeyOf, isCustomSyncField, type SyncField } from "../../../common/contracts/jira-mapping.ts";
import { customValueFromJira } from "./custom-values.ts";
import type { UpdateUseCaseInput } from "../../../common/contracts/use-cases.ts";
import { preferredEntry, type MappingContext } from "./mapping-context.ts";
import type { SyncValue } from "./values.ts";

export type UseCaseFieldPatch = Partial<Omit<UpdateUseCaseInput, "version">>;
export type PullValue = { field: SyncField; value: SyncValue };
export type TetherWrite = { patch: UseCaseFieldPatch; applied: SyncField[]; skipped: Array<{ field: SyncField; reason: string }> };

const TITLE_MAX = 200;
const TAG_MAX = 40;
const TAGS_MAX = 20;

const score = (value: SyncValue, max: number, min = 0): number | null | string => {
  if (value === null) return null;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) return `Jira holds ${JSON.stringify(value)}; Tether takes whole numbers from ${min} to ${max}.`;
  return value;
};

const jiraUserLabel = (context: MappingContext, value: SyncValue) => (typeof value === "string" ? (context.jiraUserLabel?.(value) ?? value) : String(value));

/** Turns values coming from Jira into a use-case patch; what Tether cannot hold is skipped with the reason. */
export function buildTetherWrite(pulls: readonly PullValue[], context: MappingContext): TetherWrite {
  const patch: UseCaseFieldPatch = {};
  const applied: SyncField[] = [];
  const skipped: TetherWrite["skipped"] = [];
  const skip = (field: SyncField, reason: string) => skipped.push({ field, reason });
  for (const { field, value } of pulls) {
    if (isCustomSyncField(field)) {
      const result = customValueFromJira(field, value, context.mapping.fields.find((e) => e.tetherField === field), context);
      if (result.ok) {
        patch.customFields = { ...patch.customFields, [customFieldKeyOf(field)]: result.value };
        applied.push(field);
      } else skip(field, result.reason);
      continue;
    }
    switch (field) {
      case "title": {
        const title = typeof value === "string" ? value.trim() : "";
        if (title.length === 0) skip(field, "Jira's summary is empty; Tether needs a title.");
        else patch.title = title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;
        break;
      }
      case "description":
        patch.description = typeof value === "string" ? value : "";
        break;
      case "status": {
        const entry = preferredEntry(context.mapping.statusMap.filter((e) => e.jiraStatusId === value));
        if (!entry) skip(field, `Jira status ${String(value)} has no Tether status in the mapping. Map it under Settings → Jira → Mapping.`);
        else patch.statusId = entry.tetherStatusId;
        break;
      }
      case "assignee": {
        if (value === null) patch.assigneeId = null;
        else {
          const member = typeof value === "string" ? context.memberForJiraUser(value) : null;
          if (member) patch.assigneeId = member;
          else skip(field, `Jira user ${jiraUserLabel(context, value)} matches no workspace member (Tether matches by Jira account id, or by an email Jira shows and only one member has); the assignee was kept. Add them to the user map.`);
        }
        break;
      }
      case "priority": {
        const entry = preferredEntry(context.mapping.priorityMap.filter((e) => e.jiraPriorityId === value));
        if (!entry) skip(field, `Jira priority ${String(value)} has no Tether priority in the mapping.`);
        else patch.priority = entry.priority;
        break;
      }
      case "targetDate":
        patch.targetDate = typeof value === "string" ? value : null;
        break;
      case "tags": {
        const tags = Array.isArray(value) ? value : [];
        if (tags.length > TAGS_MAX || tags.some((t) => t.length > TAG_MAX)) skip(field, `Jira's labels exceed Tether's tags (at most ${TAGS_MAX}, ${TAG_MAX} characters each).`);
        else patch.tags = [...tags];
        break;
      }
      case "storyPoints":
        if (value !== null && (typeof value !== "number" || value < 0 || value > 1000)) skip(field, `Jira holds ${JSON.stringify(value)} story points; Tether takes 0 to 1000.`);
        else patch.storyPoints = value;
        break;
      case "wsjf":
        skip(field, "WSJF is computed in Tether and never taken from Jira.");
        break;
      case "businessValue":
      case "timeCriticality":
      case "riskReduction":
      case "jobSize": {
        const checked = field === "jobSize" ? score(value, 100, 1) : score(value, 100);
        if (typeof checked === "string") skip(field, checked);
        else patch[field] = checked;
        break;
      }
    }
    if (!skipped.some((s) => s.field === field)) applied.push(field);
  }
  return { patch, applied, skipped };
}
