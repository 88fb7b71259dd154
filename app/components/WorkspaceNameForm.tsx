import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { WorkspaceName } from "../../common/contracts/workspaces.ts";
import { useRenameWorkspace } from "../api/workspace-settings.ts";
import { ErrorAlert } from "./ErrorAlert.tsx";

/** Renames the workspace (Admins only; the server refuses anyone else). */
export function WorkspaceNameForm({ workspaceId, name }: { workspaceId: string; name: string }) {
  const rename = useRenameWorkspace(workspaceId);
  const [value, setValue] = useState(name);
  const parsed = WorkspaceName.safeParse(value);
  const changed = parsed.success && parsed.data !== name;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (parsed.success && changed) rename.mutate(parsed.data);
      }}
    >
      <Stack gap="sm">
        <Group align="flex-end" gap="sm">
          <TextInput
            label="Workspace name"
            value={value}
            maxLength={100}
            error={parsed.success ? undefined : "Between 1 and 100 characters"}
            onChange={(event) => {
              setValue(event.currentTarget.value);
              rename.reset();
            }}
            w={360}
            data-testid="workspace-settings-name"
          />
          <Button type="submit" disabled={!changed} loading={rename.isPending} data-testid="workspace-rename-submit">
            Rename
          </Button>
        </Group>
        <ErrorAlert error={rename.error} title="The workspace was not renamed" />
        {rename.isSuccess && (
          <Text size="sm" c="green.7" data-testid="workspace-renamed">
            Renamed to “{rename.data.workspace.name}”.
          </Text>
        )}
      </Stack>
    </form>
  );
}
