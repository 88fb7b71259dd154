import { Loader, Stack, Switch, Text, Title } from "@mantine/core";
import type { IntegrationFeatures } from "../../../common/contracts/jira-connection.ts";
import { useJiraFeatures, useUpdateJiraFeatures } from "../../api/jira.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";

const features: { name: keyof IntegrationFeatures; label: string; description: string }[] = [
  { name: "toJira", label: "Tether → Jira", description: "Create Epics from use cases and push every saved change of a mapped field." },
  { name: "fromJira", label: "Jira → Tether (webhook)", description: "Bring changes made to linked Epics in Jira back into their use cases." },
  { name: "issueListing", label: "Jira issue listing", description: "Show the Epic's child issues inside a linked use case." },
  { name: "planning", label: "Planning", description: "Plan program increments on a board of sprints × teams whose cards are Jira issues." },
];

/** Each integration feature is switched on separately; only Admins may ("activate" in BRIEF A). */
export function FeaturesPanel({ workspaceId, mayActivate }: { workspaceId: string; mayActivate: boolean }) {
  const current = useJiraFeatures(workspaceId);
  const update = useUpdateJiraFeatures(workspaceId);
  return (
    <Stack gap="md" data-testid="jira-features">
      <div>
        <Title order={3}>Features</Title>
        {!mayActivate && (
          <Text size="sm" c="dimmed" data-testid="jira-features-read-only">
            Only workspace Admins switch features on or off.
          </Text>
        )}
      </div>
      <ErrorAlert error={current.error} title="Could not load the features" />
      <ErrorAlert error={update.error} title="Feature not switched" />
      {current.isPending ? (
        <Loader size="sm" />
      ) : (
        current.data && (
          <Stack gap="sm">
            {features.map((feature) => (
              <Switch
                key={feature.name}
                label={feature.label}
                description={feature.description}
                checked={current.data.features[feature.name]}
                disabled={!mayActivate || update.isPending}
                onChange={(event) => update.mutate({ [feature.name]: event.currentTarget.checked })}
                data-testid={`jira-feature-${feature.name}`}
              />
            ))}
          </Stack>
        )
      )}
    </Stack>
  );
}
