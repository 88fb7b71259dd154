import { Alert, Anchor, Button, Group, Loader, Paper, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { EpicIssueSort, StatusCategory } from "../../../common/contracts/jira-listing.ts";
import { isApiError } from "../../api/client.ts";
import { type EpicIssueFilters, useEpicIssues, useRefreshEpicIssues } from "../../api/jira-listing.ts";
import { useUseCaseJira } from "../../api/jira-sync.ts";
import { errorMessage } from "../ErrorAlert.tsx";
import { EpicIssuesTable } from "./EpicIssuesTable.tsx";
import { EpicProgressBar } from "./EpicProgressBar.tsx";

const categoryLabels: Record<StatusCategory, string> = { new: "To Do", indeterminate: "In Progress", done: "Done" };
const sortLabels: Record<EpicIssueSort, string> = { rank: "Rank", status: "Status", updated: "Recently updated" };

/** Answers that mean "this section is not for you / not here": render nothing (Visitors, unlinked, feature off). */
const hidden = (error: unknown) => isApiError(error) && (error.status === 404 || error.status === 403 || error.code === "feature_disabled" || error.code === "not_connected");

function ago(iso: string): string {
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  return new Date(iso).toLocaleString();
}

/** The linked Epic's issues: filters, progress for the whole Epic, link out to Jira. */
export function EpicIssues({ workspaceId, useCaseId }: { workspaceId: string; useCaseId: string }) {
  const [filters, setFilters] = useState<Omit<EpicIssueFilters, "q">>({ sort: "rank" });
  const [text, setText] = useState("");
  const [q] = useDebouncedValue(text.trim(), 300);
  // The same query as the Jira panel beside it (shared, polled there): the link's Epic key.
  const epicKey = useUseCaseJira(workspaceId, useCaseId).data?.link?.issueKey ?? null;
  const query = useEpicIssues(workspaceId, useCaseId, { ...filters, ...(q ? { q } : {}) }, epicKey);
  const refresh = useRefreshEpicIssues(workspaceId, useCaseId);
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<unknown>(null);
  // A cleared filter is left out of the query, not sent empty.
  const set = (patch: { [K in keyof EpicIssueFilters]?: EpicIssueFilters[K] | undefined }) =>
    setFilters((current) => Object.fromEntries(Object.entries({ ...current, ...patch }).filter(([, value]) => value !== undefined)) as Omit<EpicIssueFilters, "q">);

  if (query.isError && hidden(query.error)) return null;
  const first = query.data?.pages[0];
  const issues = query.data?.pages.flatMap((page) => page.issues) ?? [];
  const filtered = Boolean(filters.type || filters.assignee || filters.status || filters.category || q);

  const onRefresh = async () => {
    setRefreshing(true);
    setRefreshError(null);
    try {
      await refresh();
    } catch (error) {
      setRefreshError(error);
    } finally {
      setRefreshing(false);
    }
  };

  return (
    <Paper withBorder p="lg" data-testid="epic-issues">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>Issues{first ? <> in <Anchor href={first.epic.url} target="_blank" rel="noreferrer">{first.epic.key}</Anchor></> : null}</Title>
          <Group gap="xs">
            {first ? (
              <Text size="xs" c="dimmed" data-testid="epic-issues-fetched-at" title={first.fetchedAt}>
                Loaded from Jira {ago(first.fetchedAt)}
              </Text>
            ) : null}
            <Button size="xs" variant="default" onClick={() => void onRefresh()} loading={refreshing} data-testid="epic-issues-refresh">
              Refresh
            </Button>
          </Group>
        </Group>
        {refreshError ? <Alert color="red" title="Could not refresh from Jira">{errorMessage(refreshError)}</Alert> : null}
        {first?.warning ? <Alert color="yellow" title="Showing an older list" data-testid="epic-issues-warning">{first.warning.message}</Alert> : null}
        {first ? <EpicProgressBar progress={first.progress} /> : null}
        <Group gap="xs" align="flex-end">
          <TextInput size="xs" label="Search" placeholder="Summary contains…" value={text} onChange={(e) => setText(e.currentTarget.value)} data-testid="epic-filter-q" />
          <Select size="xs" label="Type" clearable placeholder="Any" data={first?.facets.types ?? []} value={filters.type ?? null} onChange={(v) => set({ type: v ?? undefined })} data-testid="epic-filter-type" />
          <Select
            size="xs"
            label="Assignee"
            clearable
            placeholder="Anyone"
            data={[{ value: "unassigned", label: "Unassigned" }, ...(first?.facets.assignees ?? []).map((a) => ({ value: a.id, label: a.displayName }))]}
            value={filters.assignee ?? null}
            onChange={(v) => set({ assignee: v ?? undefined })}
            data-testid="epic-filter-assignee"
          />
          <Select size="xs" label="Status" clearable placeholder="Any" data={(first?.facets.statuses ?? []).map((s) => s.name)} value={filters.status ?? null} onChange={(v) => set({ status: v ?? undefined })} data-testid="epic-filter-status" />
          <Select
            size="xs"
            label="Category"
            clearable
            placeholder="Any"
            data={StatusCategory.options.map((c) => ({ value: c, label: categoryLabels[c] }))}
            value={filters.category ?? null}
            onChange={(v) => set({ category: v ? StatusCategory.parse(v) : undefined })}
            data-testid="epic-filter-category"
          />
          <Select size="xs" label="Sort" data={EpicIssueSort.options.map((s) => ({ value: s, label: sortLabels[s] }))} value={filters.sort} onChange={(v) => set({ sort: EpicIssueSort.parse(v ?? "rank") })} allowDeselect={false} data-testid="epic-sort" />
        </Group>
        {query.isPending ? <Loader size="sm" /> : null}
        {query.isError ? (
          <Alert color="red" title="Could not load the Epic's issues" data-testid="epic-issues-error">
            {errorMessage(query.error)}
          </Alert>
        ) : null}
        {first ? (
          <Text size="sm" c="dimmed" data-testid="epic-issues-count">
            {filtered ? `${first.matching} of ${first.progress.total.issues} issues match` : `${first.progress.total.issues} issues`}
          </Text>
        ) : null}
        {first && issues.length === 0 ? (
          <Text size="sm" data-testid="epic-issues-empty">
            {filtered ? "No issue matches these filters." : "This Epic has no issues yet. Issues created under it in Jira appear here."}
          </Text>
        ) : null}
        {issues.length > 0 ? <EpicIssuesTable issues={issues} /> : null}
        {query.hasNextPage ? (
          <Button variant="default" size="xs" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} data-testid="epic-issues-more">
            Load more
          </Button>
        ) : null}
      </Stack>
    </Paper>
  );
}
