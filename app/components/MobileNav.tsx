import { Burger, Divider, Drawer, NavLink as MantineNavLink, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { NavLink, useNavigate } from "react-router";
import { useLogout, useSession } from "../api/session.ts";
import type { NavItem } from "./nav-items.ts";

/** Phones: the workspace's pages, the account's page and Log out behind a burger (the top bar has no room). */
export function MobileNav({ items }: { items: NavItem[] }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const user = session.data?.user;
  return (
    <>
      <Burger opened={opened} onClick={toggle} size="sm" hiddenFrom="sm" aria-label="Open the menu" data-testid="mobile-menu" />
      <Drawer opened={opened} onClose={close} title="Menu" size="xs" position="right" hiddenFrom="sm" closeButtonProps={{ "aria-label": "Close the menu" }} data-testid="mobile-menu-drawer">
        <Stack gap={2}>
          {items.map((item) => (
            <MantineNavLink
              key={item.id}
              component={NavLink}
              to={item.to}
              end={item.end ?? false}
              label={item.label}
              onClick={close}
              data-testid={`mobile-nav-${item.id}`}
            />
          ))}
          <Divider my="sm" />
          {user && (
            <Text size="xs" c="dimmed" px="sm">
              {user.email}
            </Text>
          )}
          <MantineNavLink component={NavLink} to="/account/tokens" label="Personal API tokens" onClick={close} data-testid="mobile-nav-api-tokens" />
          <MantineNavLink
            component="button"
            label="Log out"
            c="red"
            data-testid="mobile-logout"
            onClick={() => {
              close();
              logout.mutate(undefined, { onSettled: () => navigate("/login") });
            }}
          />
        </Stack>
      </Drawer>
    </>
  );
}
