import { Group, Progress, Text, Tooltip } from "@mantine/core";
import type { EpicProgress } from "../../../common/contracts/jira-listing.ts";

const categories = [
  { key: "done", label: "Done", color: "green" },
  { key: "indeterminate", label: "In Progress", color: "blue" },
  { key: "new", label: "To Do", color: "gray" },
] as const;

const points = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** Issues and story points per status category, for the whole Epic (the filter does not change it). */
export function EpicProgressBar({ progress }: { progress: EpicProgress }) {
  const total = progress.total.issues;
  return (
    <div data-testid="epic-progress">
      <Progress.Root size="lg">
        {categories.map(({ key, label, color }) => {
          const issues = progress.byCategory[key].issues;
          if (total === 0 || issues === 0) return null;
          return (
            <Tooltip key={key} label={`${label}: ${issues} issues, ${points(progress.byCategory[key].storyPoints)} points`}>
              <Progress.Section value={(issues / total) * 100} color={color} aria-label={label} />
            </Tooltip>
          );
        })}
      </Progress.Root>
      <Group gap="md" mt={4}>
        {categories.map(({ key, label }) => (
          <Text key={key} size="xs" c="dimmed" data-testid={`epic-progress-${key}`}>
            {label}: {progress.byCategory[key].issues} ({points(progress.byCategory[key].storyPoints)} pts)
          </Text>
        ))}
        <Text size="xs" c="dimmed">
          Total: {total} issues, {points(progress.total.storyPoints)} pts
        </Text>
      </Group>
    </div>
  );
}
