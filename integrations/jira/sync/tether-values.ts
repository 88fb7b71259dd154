import { isCustomSyncField, type SyncField } from "../../../common/contracts/jira-mapping.ts";
import { customTetherValue } from "./custom-values.ts";
import type { UseCaseFields as UseCase } from "../../../common/contracts/use-cases.ts";
import { specOf } from "./field-kinds.ts";
import { activeFields, type MappingContext } from "./mapping-context.ts";
import { normaliseDate, normaliseLabels, normaliseNumber, normaliseText, type SyncValue, type SyncValues } from "./values.ts";

/** The use case's value of one mapped field, in the compared form (Jira ids for statuses, people, priorities). */
export function tetherValue(useCase: UseCase, field: SyncField, context: MappingContext): SyncValue {
  const { mapping } = context;
  if (isCustomSyncField(field)) return customTetherValue(useCase, field, mapping.fields.find((e) => e.tetherField === field), context);
  switch (field) {
    case "title":
      return normaliseText(useCase.title);
    case "description":
      return context.richText.normalise(useCase.description);
    case "status": {
      const entry = mapping.statusMap.find((e) => e.tetherStatusId === useCase.status.id);
      return entry ? entry.jiraStatusId : { unmappable: `Tether status "${useCase.status.name}" has no Jira status in the mapping. Add it under Settings → Jira → Mapping.` };
    }
    case "assignee": {
      if (!useCase.assignee) return null;
      const jiraUser = context.jiraUserFor(useCase.assignee.id);
      return jiraUser ?? { unmappable: `${useCase.assignee.displayName} has no Jira user: their email matches no single Jira account. Add them to the user map.` };
    }
    case "priority": {
      const entry = mapping.priorityMap.find((e) => e.priority === useCase.priority);
      return entry ? entry.jiraPriorityId : { unmappable: `Priority "${useCase.priority}" has no Jira priority in the mapping.` };
    }
    case "targetDate":
      return normaliseDate(useCase.targetDate);
    case "tags":
      return normaliseLabels(useCase.tags);
    case "storyPoints":
    case "wsjf":
    case "businessValue":
    case "timeCriticality":
    case "riskReduction":
    case "jobSize":
      return normaliseNumber(useCase[field]);
  }
}

export function tetherValues(useCase: UseCase, context: MappingContext): SyncValues {
  const values: SyncValues = {};
  for (const entry of activeFields(context.mapping)) values[entry.tetherField] = tetherValue(useCase, entry.tetherField, context);
  return values;
}

export const fieldKind = (field: SyncField, context: MappingContext) =>
  specOf(field, context.customFields ?? [], context.mapping.fields.find((e) => e.tetherField === field) ?? null)?.kind ?? null;
