import { Alert, Progress, Stack, Text } from "@mantine/core";
import type { PlanningResyncJob } from "../../../common/contracts/planning.ts";

const phaseWords: Record<NonNullable<PlanningResyncJob["phase"]>, string> = {
  sprints: "Walking the teams' boards for sprints",
  issues: "Taking in issues",
  links: "Taking in links",
  saving: "Saving the board",
};

/** Where a PI re-sync is: the phase in words and a bar (moving while the total is not known yet). */
export function ResyncProgress({ job }: { job: PlanningResyncJob }) {
  if (job.state === "failed") return <Alert color="red" data-testid="pi-resync-failed">{job.message ?? "The re-sync failed."}</Alert>;
  if (job.state === "done" && job.result) {
    return (
      <Text size="sm" c="dimmed" data-testid="pi-resync-done">
        Re-synced: {job.result.cards} cards, {job.result.sprints} sprints, {job.result.dependencies} dependencies.
      </Text>
    );
  }
  const known = job.total > 0;
  const percent = known ? Math.min(100, Math.round((job.done / job.total) * 100)) : 100;
  return (
    <Stack gap={4} data-testid="pi-resync-progress">
      <Text size="sm">
        {job.phase ? phaseWords[job.phase] : "Queued"}
        {known ? ` (${job.done} of ${job.total})` : job.done > 0 ? ` (${job.done})` : ""}
      </Text>
      <Progress value={percent} animated striped={!known} aria-label="Re-sync progress" />
    </Stack>
  );
}
