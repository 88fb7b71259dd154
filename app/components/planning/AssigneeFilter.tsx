import { Alert, Button, Group, Loader, Select, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { type AssigneeChoice, usePlanningAssignees, type useAssigneeFilter } from "../../api/planning-assignees.ts";
import { isApiError } from "../../api/client.ts";
import { errorMessage } from "../ErrorAlert.tsx";

const labelOf = (choice: AssigneeChoice | null) => (choice === null ? "" : choice.kind === "me" ? "Me" : choice.kind === "unassigned" ? "Unassigned" : choice.displayName);
const valueOf = (choice: AssigneeChoice | null) => (choice === null ? null : choice.kind === "person" ? `person:${choice.jiraUserId}` : choice.kind);

type PickerProps = { workspaceId: string; piId: string; choice: AssigneeChoice | null; onChoose: (choice: AssigneeChoice | null) => void };

/** "Assignee" beside the team/Epic/type filters: Jira's assignable people, searched as one types, plus "Me" and "Unassigned". */
export function AssigneePicker({ workspaceId, piId, choice, onChoose }: PickerProps) {
  const [search, setSearch] = useState("");
  const [opened, setOpened] = useState(false);
  // The picker shows the chosen label as its search text; that is not a search.
  const [debounced] = useDebouncedValue(search === labelOf(choice) ? "" : search.trim(), 250);
  const people = usePlanningAssignees(workspaceId, piId, debounced, opened);
  const chosenPerson = choice?.kind === "person" ? [{ value: `person:${choice.jiraUserId}`, label: choice.displayName }] : [];
  const found = (people.data?.people ?? []).map((person) => ({ value: `person:${person.jiraUserId}`, label: person.displayName }));
  const options = [
    { value: "me", label: "Me" },
    { value: "unassigned", label: "Unassigned" },
    ...chosenPerson,
    ...found.filter((option) => option.value !== chosenPerson[0]?.value),
  ];
  const choose = (value: string | null) => {
    if (value === null) return onChoose(null);
    if (value === "me" || value === "unassigned") return onChoose({ kind: value });
    const option = options.find((candidate) => candidate.value === value);
    onChoose({ kind: "person", jiraUserId: value.slice("person:".length), displayName: option?.label ?? value });
  };
  const toggle = (kind: "me" | "unassigned") => onChoose(choice?.kind === kind ? null : { kind });
  return (
    <Group gap={4} align="flex-end">
      <Select
        label="Assignee"
        placeholder="Everyone"
        searchable
        clearable
        data={options}
        value={valueOf(choice)}
        onChange={choose}
        searchValue={search}
        onSearchChange={setSearch}
        onDropdownOpen={() => setOpened(true)}
        // Jira does the searching (names, usernames, email prefixes); the list shows what it answered.
        filter={({ options: all }) => all}
        nothingFoundMessage={people.isFetching ? "Asking Jira…" : "Nobody found"}
        rightSection={people.isFetching ? <Loader size={14} aria-label="Asking Jira for people" /> : undefined}
        error={people.error ? `Jira did not list the people: ${errorMessage(people.error)}` : undefined}
        data-testid="filter-assignee"
      />
      <Button size="sm" variant={choice?.kind === "me" ? "filled" : "default"} onClick={() => toggle("me")} aria-pressed={choice?.kind === "me"} data-testid="filter-assignee-me">
        Me
      </Button>
      <Button size="sm" variant={choice?.kind === "unassigned" ? "filled" : "default"} onClick={() => toggle("unassigned")} aria-pressed={choice?.kind === "unassigned"} data-testid="filter-assignee-unassigned">
        Unassigned
      </Button>
    </Group>
  );
}

type StatusProps = { choice: AssigneeChoice | null; result: ReturnType<typeof useAssigneeFilter>; onClear: () => void };

/** Under the filters: Jira is being asked, Jira's answer could not be had (and what to do), or how many cards match. */
export function AssigneeFilterStatus({ choice, result, onClear }: StatusProps) {
  if (choice === null) return null;
  if (result.error) {
    const unknownAccount = isApiError(result.error, "planning_refused") && (result.error.details as { reason?: string } | undefined)?.reason === "jira_account_unknown";
    return (
      <Alert color="red" title="Could not filter by assignee" data-testid="assignee-filter-error">
        <Text size="sm">{errorMessage(result.error)}</Text>
        <Text size="sm" mt={4}>
          {unknownAccount ? "Meanwhile the board shows every card." : "The board shows every card meanwhile. Try again in a moment; if it keeps failing, an Admin can test the Jira connection under Settings → Jira."}
        </Text>
        <Group gap="xs" mt="xs">
          {!unknownAccount && (
            <Button size="xs" variant="light" onClick={() => void result.refetch()} loading={result.isFetching} data-testid="assignee-filter-retry">
              Try again
            </Button>
          )}
          <Button size="xs" variant="subtle" onClick={onClear} data-testid="assignee-filter-clear">
            Clear the filter
          </Button>
        </Group>
      </Alert>
    );
  }
  if (!result.data) {
    return (
      <Group gap="xs" data-testid="assignee-filter-loading">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          Asking Jira which cards are assigned to {labelOf(choice) === "Unassigned" ? "nobody" : labelOf(choice) === "Me" ? "you" : labelOf(choice)}…
        </Text>
      </Group>
    );
  }
  return (
    <Text size="sm" c="dimmed" data-testid="assignee-filter-count">
      {result.data.issueIds.length} {result.data.issueIds.length === 1 ? "card" : "cards"} {choice.kind === "unassigned" ? "nobody is assigned to" : `assigned to ${choice.kind === "me" ? "you" : choice.displayName}`} (asked Jira just now)
    </Text>
  );
}
