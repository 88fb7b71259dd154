import { Alert, Anchor, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { UseCaseAbilities } from "../../../common/contracts/use-cases.ts";
import type { Role } from "../../../common/contracts/workspaces.ts";

/** Why this caller may not change a use case, in the words of the workspace's role table. */
export function readOnlyReason(role: Role | undefined, abilities: Pick<UseCaseAbilities, "update" | "comment">): string | null {
  if (abilities.update && abilities.comment) return null;
  if (role === "visitor") return "You are a Visitor in this workspace: you can read use cases, but not edit or comment on them.";
  if (role === "member")
    return "You are not assigned to this use case: Members edit and comment on the use cases assigned to them. Ask an Admin or Moderator, or its assignee, to add you to its members.";
  return "You may read this use case but not change it.";
}

type Props = { role: Role | undefined; abilities: Pick<UseCaseAbilities, "update" | "comment">; children?: ReactNode };

/** Says up front why there is no Edit button or comment box, instead of refusing on save. */
export function ReadOnlyNotice({ role, abilities, children }: Props) {
  const reason = readOnlyReason(role, abilities);
  if (!reason) return null;
  return (
    <Alert color="gray" variant="light" title="Read only" data-testid="read-only-notice">
      <Text size="sm">{reason}</Text>
      {children}
    </Alert>
  );
}

/** In place of a form the caller could fill but never save (opened by URL). */
export function NoFormNotice({ title, reason, backTo, backLabel }: { title: string; reason: string; backTo: string; backLabel: string }) {
  return (
    <Alert color="gray" variant="light" title={title} data-testid="read-only-notice">
      <Text size="sm" mb="xs">
        {reason}
      </Text>
      <Anchor component={Link} to={backTo} size="sm" data-testid="read-only-back">
        {backLabel}
      </Anchor>
    </Alert>
  );
}
