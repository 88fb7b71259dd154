import { Button, Checkbox, Menu, Text } from "@mantine/core";
import type { CustomField } from "../../../common/contracts/custom-fields.ts";

type Props = { fields: readonly CustomField[]; chosen: readonly CustomField[]; onChange: (keys: string[]) => void };

/** Which custom fields show as columns; offered only when the template has any. */
export function ColumnsMenu({ fields, chosen, onChange }: Props) {
  const active = fields.filter((field) => !field.archived);
  if (active.length === 0) return null;
  const chosenKeys = chosen.map((field) => field.key);
  return (
    <Menu closeOnItemClick={false} position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" data-testid="columns-menu">
          Columns{chosen.length > 0 ? ` (${chosen.length})` : ""}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Custom fields</Menu.Label>
        {active.map((field) => (
          <Menu.Item key={field.id} component="div">
            <Checkbox
              label={<Text size="sm">{field.name}</Text>}
              checked={chosenKeys.includes(field.key)}
              onChange={(event) =>
                onChange(event.currentTarget.checked ? [...chosenKeys, field.key] : chosenKeys.filter((key) => key !== field.key))
              }
              data-testid={`column-${field.key}`}
            />
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
