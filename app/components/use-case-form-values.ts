import type { CreateUseCaseBody, Priority, UpdateUseCaseBody, UseCaseFields, Visibility } from "../../common/contracts/use-cases.ts";

/** NumberInput reports "" when emptied; the API wants null for "no value". */
type NumberField = number | string;

export type UseCaseFormValues = {
  title: string;
  description: string;
  statusId: string | null;
  assigneeId: string | null;
  memberIds: string[];
  priority: Priority;
  tags: string[];
  targetDate: string | null;
  businessValue: NumberField;
  timeCriticality: NumberField;
  riskReduction: NumberField;
  jobSize: NumberField;
  storyPoints: NumberField;
  visibility: Visibility;
  /** Custom-field values by key; null or missing = no value. */
  customFields: Record<string, unknown>;
};

export const emptyUseCaseForm = (statusId: string | null): UseCaseFormValues => ({
  title: "",
  description: "",
  statusId,
  assigneeId: null,
  memberIds: [],
  priority: "medium",
  tags: [],
  targetDate: null,
  businessValue: "",
  timeCriticality: "",
  riskReduction: "",
  jobSize: "",
  storyPoints: "",
  visibility: "public",
  customFields: {},
});

export function formValuesOf(useCase: UseCaseFields): UseCaseFormValues {
  return {
    title: useCase.title,
    description: useCase.description,
    statusId: useCase.status.id,
    assigneeId: useCase.assignee?.id ?? null,
    memberIds: useCase.members.map((m) => m.id),
    priority: useCase.priority,
    tags: useCase.tags,
    targetDate: useCase.targetDate,
    businessValue: useCase.businessValue ?? "",
    timeCriticality: useCase.timeCriticality ?? "",
    riskReduction: useCase.riskReduction ?? "",
    jobSize: useCase.jobSize ?? "",
    storyPoints: useCase.storyPoints ?? "",
    visibility: useCase.visibility,
    customFields: { ...useCase.customFields },
  };
}

const numberOrNull = (value: NumberField): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

/** The fields as the API takes them. */
function apiFields(values: UseCaseFormValues) {
  return {
    title: values.title.trim(),
    description: values.description,
    assigneeId: values.assigneeId,
    memberIds: values.memberIds,
    priority: values.priority,
    tags: values.tags,
    targetDate: values.targetDate || null,
    businessValue: numberOrNull(values.businessValue),
    timeCriticality: numberOrNull(values.timeCriticality),
    riskReduction: numberOrNull(values.riskReduction),
    jobSize: numberOrNull(values.jobSize),
    storyPoints: numberOrNull(values.storyPoints),
    visibility: values.visibility,
  };
}

/** A new use case: empty fields are left out so the server's defaults apply. */
export function createBody(values: UseCaseFormValues): CreateUseCaseBody {
  const fields = apiFields(values);
  const body: CreateUseCaseBody = { title: fields.title };
  if (values.statusId) body.statusId = values.statusId;
  const custom = Object.fromEntries(Object.entries(values.customFields).filter(([, value]) => value !== null && value !== undefined));
  if (Object.keys(custom).length > 0) body.customFields = custom;
  for (const [name, value] of Object.entries(fields)) {
    if (name === "title" || value === null || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    Object.assign(body, { [name]: value });
  }
  return body;
}

/** Only what changed, with the version it was based on (the server refuses stale versions). */
export function updateBody(original: UseCaseFields, values: UseCaseFormValues): UpdateUseCaseBody {
  const before: Record<string, unknown> = { ...apiFields(formValuesOf(original)), statusId: original.status.id };
  const after: Record<string, unknown> = { ...apiFields(values), statusId: values.statusId ?? original.status.id };
  const body: UpdateUseCaseBody = { version: original.version };
  for (const [name, value] of Object.entries(after)) {
    if (JSON.stringify(value) !== JSON.stringify(before[name])) Object.assign(body, { [name]: value });
  }
  const custom: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(original.customFields), ...Object.keys(values.customFields)])) {
    const next = values.customFields[key] ?? null;
    if (JSON.stringify(next) !== JSON.stringify(original.customFields[key] ?? null)) custom[key] = next;
  }
  if (Object.keys(custom).length > 0) body.customFields = custom;
  return body;
}

/** Same formula as the database's generated column, shown while typing. */
export function wsjfPreview(values: UseCaseFormValues): number | null {
  const jobSize = numberOrNull(values.jobSize);
  if (!jobSize) return null;
  const costOfDelay = [values.businessValue, values.timeCriticality, values.riskReduction].reduce<number>(
    (sum, v) => sum + (numberOrNull(v) ?? 0),
    0,
  );
  return Math.round((costOfDelay / jobSize) * 100) / 100;
}
