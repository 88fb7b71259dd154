import { Anchor, List } from "@mantine/core";
import { Link } from "react-router";
import { z } from "zod";
import type { UseCaseStatus } from "../../../common/contracts/workspaces.ts";
import { isApiError } from "../../api/client.ts";

/** The `details` of the 409 `conflict` answer to removing statuses that still hold use cases. */
const RemovalConflictDetails = z.object({ statuses: z.array(z.object({ name: z.string(), useCases: z.int() })) });

/** Under the API's message: a way to the use cases that block the removal, each status on the board by itself. */
export function RemovalConflict({ error, workspaceId, statuses }: { error: unknown; workspaceId: string; statuses: readonly UseCaseStatus[] }) {
  if (!isApiError(error, "conflict")) return null;
  const details = RemovalConflictDetails.safeParse(error.details);
  if (!details.success) return null;
  return (
    <List size="sm" mt="xs" data-testid="workflow-conflict-links">
      {details.data.statuses.map((blocked) => {
        const status = statuses.find((s) => s.name === blocked.name);
        const label = `${blocked.useCases} use case${blocked.useCases === 1 ? "" : "s"} in “${blocked.name}”`;
        return (
          <List.Item key={blocked.name}>
            {status ? (
              <Anchor component={Link} to={`/w/${workspaceId}/use-cases/board?status=${status.id}`} size="sm">
                See the {label} on the board
              </Anchor>
            ) : (
              label
            )}
          </List.Item>
        );
      })}
    </List>
  );
}
