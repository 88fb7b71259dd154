import { Button, Menu, Text } from "@mantine/core";
import { useNavigate } from "react-router";
import { useWorkspaces } from "../api/workspaces.ts";
import { roleLabel } from "./labels.ts";
import { useCurrentWorkspace } from "./current-workspace.ts";

/** Switch between the caller's workspaces, or create a new one. */
export function WorkspaceMenu() {
  const workspaces = useWorkspaces();
  const { workspace } = useCurrentWorkspace();
  const navigate = useNavigate();
  return (
    <Menu position="bottom-start" width={260} shadow="md">
      <Menu.Target>
        <Button variant="default" size="xs" data-testid="workspace-menu" rightSection="▾" maw={{ base: 170, sm: 280 }}>
          {workspace?.name ?? "Choose a workspace"}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Your workspaces</Menu.Label>
        {workspaces.data?.workspaces.map((w) => (
          <Menu.Item
            key={w.id}
            onClick={() => navigate(`/w/${w.id}/use-cases`)}
            rightSection={<Text size="xs" c="dimmed">{roleLabel[w.role]}</Text>}
            fw={w.id === workspace?.id ? 600 : undefined}
          >
            {w.name}
          </Menu.Item>
        ))}
        {workspaces.data?.workspaces.length === 0 && <Menu.Item disabled>No workspaces yet</Menu.Item>}
        <Menu.Divider />
        <Menu.Item onClick={() => navigate("/workspaces/new")} data-testid="create-workspace-menu-item">
          Create workspace…
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
