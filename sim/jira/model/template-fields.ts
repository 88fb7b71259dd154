import type { FieldDef, FieldOption, Flavor } from "./types.ts";

/**
 * Custom fields of the kinds a portfolio template maps to (text, paragraph, date picker, select,
 * multi-select, user picker, number), as a Jira admin would have added them. Values are read
 * and written by their schema's custom type (commands/template-field-input.ts), not by id.
 */
export const templateFieldTypes = {
  textfield: "com.atlassian.jira.plugin.system.customfieldtypes:textfield",
  textarea: "com.atlassian.jira.plugin.system.customfieldtypes:textarea",
  datepicker: "com.atlassian.jira.plugin.system.customfieldtypes:datepicker",
  select: "com.atlassian.jira.plugin.system.customfieldtypes:select",
  multiselect: "com.atlassian.jira.plugin.system.customfieldtypes:multiselect",
  userpicker: "com.atlassian.jira.plugin.system.customfieldtypes:userpicker",
  float: "com.atlassian.jira.plugin.system.customfieldtypes:float",
} as const;

const phaseOptions: FieldOption[] = [
  { id: "10400", value: "Discovery" },
  { id: "10401", value: "Delivery" },
  { id: "10402", value: "Live" },
];
const marketOptions: FieldOption[] = [
  { id: "10410", value: "EU" },
  { id: "10411", value: "US" },
  { id: "10412", value: "APAC" },
];

type Spec = { offset: number; name: string; type: string; custom: keyof typeof templateFieldTypes; items?: string; options?: FieldOption[] };
const specs: Spec[] = [
  { offset: 0, name: "Code Name", type: "string", custom: "textfield" },
  { offset: 1, name: "Delivery Notes", type: "string", custom: "textarea" },
  { offset: 2, name: "Go-live Date", type: "date", custom: "datepicker" },
  { offset: 3, name: "Delivery Phase", type: "option", custom: "select", options: phaseOptions },
  { offset: 4, name: "Target Markets", type: "array", custom: "multiselect", items: "option", options: marketOptions },
  { offset: 5, name: "Business Owner", type: "user", custom: "userpicker" },
  { offset: 6, name: "Budget (kEUR)", type: "number", custom: "float" },
];

export function templateFields(flavor: Flavor): FieldDef[] {
  const base = flavor === "cloud" ? 10060 : 10210;
  return specs.map((spec) => {
    const customId = base + spec.offset;
    return {
      id: `customfield_${customId}`,
      name: spec.name,
      custom: true,
      navigable: true,
      orderable: true,
      searchable: true,
      clauseNames: [`cf[${customId}]`, spec.name],
      schema: { type: spec.type, ...(spec.items ? { items: spec.items } : {}), custom: templateFieldTypes[spec.custom], customId },
      ...(spec.options ? { options: spec.options } : {}),
    };
  });
}

/** The template field with this id, if it is one (its value is handled by its custom type). */
export function templateField(flavor: Flavor, fieldId: string): FieldDef | undefined {
  return templateFields(flavor).find((field) => field.id === fieldId);
}

export const customTypeOf = (field: FieldDef): keyof typeof templateFieldTypes | undefined =>
  (Object.entries(templateFieldTypes) as [keyof typeof templateFieldTypes, string][]).find(([, type]) => type === field.schema?.custom)?.[0];
