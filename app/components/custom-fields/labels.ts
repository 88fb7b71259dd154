import type { CustomFieldType } from "../../../common/contracts/custom-fields.ts";

export const customFieldTypeLabel: Record<CustomFieldType, string> = {
  shortText: "Short text",
  longText: "Long text (Markdown)",
  number: "Number",
  slider: "Slider",
  checkbox: "Checkbox",
  date: "Date",
  singleSelect: "Dropdown",
  multiSelect: "Multi select",
  tags: "Tags",
  person: "Person",
};

/** A key from a name: lowercase letters, digits and underscores, starting with a letter. */
export function keyFromName(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[^a-z]+/, "")
    .replace(/_+$/, "")
    .slice(0, 40);
  return slug || "field";
}
