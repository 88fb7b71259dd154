import { Anchor, AppShell, Container, Group } from "@mantine/core";
import { useEffect } from "react";
import { Link, NavLink, Outlet } from "react-router";
import { rememberLastWorkspace, useCurrentWorkspace } from "./current-workspace.ts";
import { EmailVerificationNotice } from "./EmailVerificationNotice.tsx";
import { MobileNav } from "./MobileNav.tsx";
import { workspaceNavItems } from "./nav-items.ts";
import { UserMenu } from "./UserMenu.tsx";
import { WorkspaceMenu } from "./WorkspaceMenu.tsx";
import classes from "./AppLayout.module.css";

const navLinkClass = classes.navLink ?? "";

export function AppLayout() {
  const { workspace } = useCurrentWorkspace();
  useEffect(() => {
    if (workspace) rememberLastWorkspace(workspace.id);
  }, [workspace]);
  const navItems = workspace ? workspaceNavItems(workspace) : [];
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="lg" wrap="nowrap" className={classes.start}>
            <Anchor component={Link} to="/" underline="never" fw={700} fz="lg" c="indigo.7">
              Tether
            </Anchor>
            <WorkspaceMenu />
            {navItems.length > 0 && (
              <Group gap={4} wrap="nowrap" visibleFrom="sm" component="nav" aria-label="Workspace">
                {navItems.map((item) => (
                  <NavLink key={item.id} to={item.to} end={item.end ?? false} className={navLinkClass} data-testid={`nav-${item.id}`}>
                    {item.label}
                  </NavLink>
                ))}
              </Group>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <UserMenu />
            <MobileNav items={navItems} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="xl" px={0}>
          <EmailVerificationNotice />
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
