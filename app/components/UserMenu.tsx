import { Avatar, Menu, UnstyledButton, Group, Text } from "@mantine/core";
import { useNavigate } from "react-router";
import { useLogout, useSession } from "../api/session.ts";

export function UserMenu() {
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const user = session.data?.user;
  if (!user) return null;
  return (
    <Menu position="bottom-end" width={220} shadow="md">
      <Menu.Target>
        <UnstyledButton data-testid="user-menu">
          <Group gap="xs" wrap="nowrap">
            <Avatar name={user.displayName} color="indigo" variant="filled" size="sm" />
            <Text size="sm" visibleFrom="sm">
              {user.displayName}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item onClick={() => navigate("/account/tokens")} data-testid="api-tokens-menu-item">
          Personal API tokens
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red"
          data-testid="logout-menu-item"
          onClick={() => logout.mutate(undefined, { onSettled: () => navigate("/login") })}
        >
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
