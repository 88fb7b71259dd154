import { useLocalStorage } from "@mantine/hooks";
import type { CustomField } from "../../../common/contracts/custom-fields.ts";
import { useCustomFields } from "../../api/custom-fields.ts";
import { useMembers } from "../../api/workspaces.ts";

/**
 * The custom fields a user shows as list columns (and board-card lines), remembered per workspace
 * in this browser. Keys of fields since removed or archived are ignored.
 */
export function useChosenColumns(workspaceId: string, fields: readonly CustomField[]): [CustomField[], (keys: string[]) => void] {
  const [keys, setKeys] = useLocalStorage<string[]>({ key: `tether.columns.${workspaceId}`, defaultValue: [], getInitialValueInEffect: false });
  const chosen = fields.filter((field) => !field.archived && keys.includes(field.key));
  return [chosen, setKeys];
}

/** Types a list can sort by (one natural order). */
export const sortableTypes = new Set(["shortText", "number", "slider", "checkbox", "date", "singleSelect", "person"]);

/** The template's fields, the chosen ones, and member names for person values: what lists, cards and the board show. */
export function useChosenFields(workspaceId: string) {
  const fields = useCustomFields(workspaceId).data?.customFields ?? [];
  const [columns, setColumns] = useChosenColumns(workspaceId, fields);
  const members = useMembers(workspaceId).data?.members ?? [];
  const memberName = (id: string) => members.find((m) => m.userId === id)?.displayName ?? "A former member";
  return { fields, columns, setColumns, memberName };
}
