import { Anchor, AppShell, Container, Group } from "@mantine/core";
import { useEffect } from "react";
import { Link, NavLink, Outlet } from "react-router";
import { can, rememberLastWorkspace, useCurrentWorkspace } from "./current-workspace.ts";
import { EmailVerificationNotice } from "./EmailVerificationNotice.tsx";
import { canSetUpJira } from "./jira/access.ts";
import { UserMenu } from "./UserMenu.tsx";
import { WorkspaceMenu } from "./WorkspaceMenu.tsx";
import classes from "./AppLayout.module.css";

const navLinkClass = classes.navLink ?? "";

export function AppLayout() {
  const { workspace } = useCurrentWorkspace();
  useEffect(() => {
    if (workspace) rememberLastWorkspace(workspace.id);
  }, [workspace]);
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Anchor component={Link} to="/" underline="never" fw={700} fz="lg" c="indigo.7">
              Tether
            </Anchor>
            <WorkspaceMenu />
            {workspace && (
              <Group gap={4} wrap="nowrap">
                <NavLink to={`/w/${workspace.id}/use-cases`} className={navLinkClass} data-testid="nav-use-cases">
                  Use cases
                </NavLink>
                {workspace.role !== "visitor" && (
                  <NavLink to={`/w/${workspace.id}/planning`} className={navLinkClass} data-testid="nav-planning">
                    Planning
                  </NavLink>
                )}
                <NavLink to={`/w/${workspace.id}/members`} className={navLinkClass} data-testid="nav-members">
                  {can.manageMembers(workspace.role) ? "Members & roles" : "Members"}
                </NavLink>
                {canSetUpJira(workspace.role) && (
                  <>
                    {/* `end`: the Jira settings page under it has its own link. */}
                    <NavLink to={`/w/${workspace.id}/settings`} end className={navLinkClass} data-testid="nav-workspace-settings">
                      Settings
                    </NavLink>
                    <NavLink to={`/w/${workspace.id}/settings/jira`} className={navLinkClass} data-testid="nav-jira-settings">
                      Jira settings
                    </NavLink>
                  </>
                )}
              </Group>
            )}
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="xl">
          <EmailVerificationNotice />
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
