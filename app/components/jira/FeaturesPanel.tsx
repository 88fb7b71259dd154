import { Loader, Stack, Switch, Text, Title } from "@mantine/core";
import type { IntegrationFeatures } from "../../../common/contracts/jira-connection.ts";
import { useJiraFeatures, useJiraHealth, useUpdateJiraFeatures } from "../../api/jira.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { ConnectionHealthLine } from "./ConnectionHealth.tsx";

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
  const health = useJiraHealth(workspaceId);
  // Switching on needs a connection not known to be broken; switching off is always possible.
  const blocked = health.data && (health.data.health.state === "broken" || health.data.health.state === "not_connected") ? health.data.health : null;
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
      {health.data && <ConnectionHealthLine health={health.data.health} />}
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
                description={
                  blocked && !current.data.features[feature.name]
                    ? `${feature.description} Cannot be switched on while ${blocked.state === "broken" ? "the connection is broken" : "Jira is not connected"}.`
                    : feature.description
                }
                checked={current.data.features[feature.name]}
                disabled={!mayActivate || update.isPending || (blocked !== null && !current.data.features[feature.name])}
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
