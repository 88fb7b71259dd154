import { Alert, Anchor, Button, Group, List, Loader, Select, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import type { ConflictPolicy, FieldMappingEntry, MappingImpact, SyncField } from "../../../common/contracts/jira-mapping.ts";
import { BuiltInSyncField, isCustomSyncField } from "../../../common/contracts/jira-mapping.ts";
import type { JiraMetadata } from "../../../common/contracts/jira-metadata.ts";
import type { Member, UseCaseStatus } from "../../../common/contracts/workspaces.ts";
import { isApiError } from "../../api/client.ts";
import { useJiraMetadata } from "../../api/jira.ts";
import { type MappingAnswer, useJiraMapping, useSaveJiraMapping } from "../../api/jira-sync.ts";
import { useMembers, useStatuses } from "../../api/workspaces.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { bodyOf, draftFrom, hasProblems, jiraStatusesFor, localProblems, type MappingDraft, mergeProblems, placeProblems, type PlacedProblems, problemsOfError } from "./mapping-draft.ts";
import { MappingFieldRows } from "./MappingFieldRows.tsx";
import { MappingImpactView, ResyncProgress } from "./MappingImpactView.tsx";
import { PriorityMapTable, StatusMapTable } from "./MappingValueMaps.tsx";
import { UserMapTable } from "./UserMapTable.tsx";

const policies: { value: ConflictPolicy; label: string }[] = [
  { value: "newest_wins", label: "Newest change wins" },
  { value: "tether_wins", label: "Tether wins" },
  { value: "jira_wins", label: "Jira wins" },
  { value: "ask", label: "Ask (block the link until someone decides)" },
];
const noProblems: PlacedProblems = { fields: [], rows: {}, general: [] };

type FormProps = { workspaceId: string; answer: MappingAnswer; metadata: JiraMetadata; statuses: UseCaseStatus[]; members: Member[] };

function Section({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Title order={4}>{title}</Title>
      <Text size="sm" c="dimmed">
        {description}
      </Text>
      {children}
    </Stack>
  );
}

function MappingForm({ workspaceId, answer, metadata, statuses, members }: FormProps) {
  const [draft, setDraft] = useState<MappingDraft>(() => draftFrom(answer.mapping));
  const [problems, setProblems] = useState<PlacedProblems>(() => placeProblems(answer.warnings, bodyOf(draftFrom(answer.mapping)).fieldOrder));
  const [preview, setPreview] = useState<MappingImpact | null>(null);
  const save = useSaveJiraMapping(workspaceId);
  const otherError = save.error && !isApiError(save.error, "mapping_invalid") ? save.error : null;

  const edit = (next: MappingDraft) => {
    setDraft(next);
    setPreview(null);
  };
  const editField = (field: SyncField, change: Partial<FieldMappingEntry>) => edit({ ...draft, fields: draft.fields.map((f) => (f.tetherField === field ? { ...f, ...change } : f)) });

  const submit = (dryRun: boolean) => {
    const local = localProblems(draft);
    setProblems(local);
    if (hasProblems(local)) return;
    const { body, fieldOrder } = bodyOf(draft);
    save.mutate(
      { mapping: body, version: answer.version, dryRun },
      {
        onSuccess: (result) => setPreview(result.dryRun ? result.impact : null),
        onError: (error) => setProblems(mergeProblems(noProblems, placeProblems(problemsOfError(error), fieldOrder))),
      },
    );
  };

  const project = metadata.projectDetails[draft.projectKey];
  const rows = [
    ...BuiltInSyncField.options.flatMap((field) => draft.fields.filter((f) => f.tetherField === field)),
    ...draft.fields.filter((f) => isCustomSyncField(f.tetherField)),
  ];
  const disabled = save.isPending;
  return (
    <Stack gap="lg" data-testid="jira-mapping-form">
      <Group grow align="flex-start">
        <Select
          label="Jira project"
          description="Use cases become issues in this project"
          data={Object.values(metadata.projectDetails).map((p) => ({ value: p.project.key, label: `${p.project.key} · ${p.project.name}` }))}
          value={draft.projectKey || null}
          allowDeselect={false}
          disabled={disabled}
          onChange={(key) => {
            const next = key ? metadata.projectDetails[key] : undefined;
            if (key && next) edit({ ...draft, projectKey: key, issueTypeId: next.epicTypeId ?? next.issueTypes[0]?.id ?? "" });
          }}
          data-testid="jira-mapping-project"
        />
        <Select
          label="Issue type"
          description="What a use case becomes (usually the Epic)"
          data={(project?.issueTypes ?? []).filter((t) => !t.subtask).map((t) => ({ value: t.id, label: t.id === project?.epicTypeId ? `${t.name} (Epic)` : t.name }))}
          value={draft.issueTypeId || null}
          allowDeselect={false}
          disabled={disabled}
          onChange={(id) => id && edit({ ...draft, issueTypeId: id })}
          data-testid="jira-mapping-issue-type"
        />
        <Select
          label="When both sides changed"
          description="The conflict policy for fields synced both ways"
          data={policies}
          value={draft.conflictPolicy}
          allowDeselect={false}
          disabled={disabled}
          onChange={(policy) => policy && edit({ ...draft, conflictPolicy: policy as ConflictPolicy })}
          data-testid="jira-mapping-policy"
        />
      </Group>
      {problems.general.length > 0 && (
        <Alert color="red" title="The mapping cannot be saved like this" data-testid="jira-mapping-problems">
          <List size="sm">
            {problems.general.map((message) => (
              <List.Item key={message}>{message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Section title="Fields" description="Only Jira fields that can hold the Tether field's values are offered.">
        <MappingFieldRows rows={rows} jiraFields={metadata.fields} problems={problems.fields} disabled={disabled} onChange={editField} />
      </Section>
      <Section title="Status" description="Each Tether status to a status of the chosen issue type. Unmapped statuses are not carried.">
        <StatusMapTable
          value={draft.statusMap}
          onChange={(statusMap) => edit({ ...draft, statusMap })}
          statuses={statuses}
          jiraStatuses={jiraStatusesFor(metadata, draft.projectKey, draft.issueTypeId)}
          rowProblems={problems.rows}
          disabled={disabled}
        />
      </Section>
      <Section title="Priority" description="Each Tether priority to a Jira priority.">
        <PriorityMapTable value={draft.priorityMap} onChange={(priorityMap) => edit({ ...draft, priorityMap })} priorities={metadata.priorities} rowProblems={problems.rows} disabled={disabled} />
      </Section>
      <Section title="People" description="Members are matched to Jira users by a unique email. Manual entries win.">
        <UserMapTable value={draft.userMap} onChange={(userMap) => edit({ ...draft, userMap })} members={members} unmatched={answer.unmatchedUsers} rowProblems={problems.rows} disabled={disabled} />
      </Section>
      <ErrorAlert error={otherError} title="The mapping was not saved" />
      {preview && <MappingImpactView impact={preview} />}
      <Group>
        <Button variant="default" onClick={() => submit(true)} loading={disabled && save.variables?.dryRun === true} data-testid="jira-mapping-preview">
          Preview changes
        </Button>
        {preview && (
          <Button onClick={() => submit(false)} loading={disabled && save.variables?.dryRun === false} data-testid="jira-mapping-save">
            Save mapping
          </Button>
        )}
        {hasProblems(problems) && (
          <Text size="sm" c="red.7" data-testid="jira-mapping-invalid">
            Fix the marked rows, then preview again.
          </Text>
        )}
      </Group>
    </Stack>
  );
}

/** Settings → Jira → Mapping: project, issue type, per-field Jira field and direction, value maps, conflict policy. */
export function MappingEditor({ workspaceId }: { workspaceId: string }) {
  const metadata = useJiraMetadata(workspaceId);
  const fetchedAt = metadata.data?.fetchedAt ?? null;
  const mapping = useJiraMapping(workspaceId, fetchedAt !== null);
  const statuses = useStatuses(workspaceId);
  const members = useMembers(workspaceId);
  const queryClient = useQueryClient();
  // Fresh metadata may change the proposed default and the problems found.
  const seenFetchedAt = useRef(fetchedAt);
  useEffect(() => {
    const previous = seenFetchedAt.current;
    seenFetchedAt.current = fetchedAt;
    // The first metadata enables the query, which then loads by itself; only a refresh needs a re-read.
    if (previous && fetchedAt && previous !== fetchedAt) void queryClient.invalidateQueries({ queryKey: ["workspace", workspaceId, "jira", "mapping"] });
  }, [fetchedAt, queryClient, workspaceId]);

  const answer = mapping.data;
  const jira = metadata.data?.metadata;
  return (
    <Stack gap="md" data-testid="jira-mapping">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3}>Mapping</Title>
          <Text size="sm" c="dimmed" data-testid="jira-mapping-state">
            {!answer ? "Which Jira issue a use case becomes and which fields stay equal." : answer.saved ? `Saved (version ${answer.version}).` : "Not saved yet: this is the proposed mapping. Preview and save it to start syncing."}
          </Text>
        </div>
        <Anchor component={Link} to={`/w/${workspaceId}/settings/jira/sync-log`} size="sm" data-testid="jira-sync-log-link">
          Sync log
        </Anchor>
      </Group>
      {answer && <ResyncProgress resync={answer.resync} />}
      {!fetchedAt && !metadata.isPending && <Text size="sm">Refresh the Jira metadata first: the mapping picks from it.</Text>}
      <ErrorAlert error={mapping.error ?? statuses.error ?? members.error} title="The mapping cannot be edited now" />
      {(mapping.isLoading || statuses.isPending || members.isPending) && fetchedAt && <Loader size="sm" />}
      {answer && jira && statuses.data && members.data && (
        <MappingForm
          key={`${answer.version}:${fetchedAt}`}
          workspaceId={workspaceId}
          answer={answer}
          metadata={jira}
          statuses={statuses.data.statuses}
          members={members.data.members}
        />
      )}
    </Stack>
  );
}
