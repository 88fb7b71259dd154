import { Alert, Badge, Button, Group, List, Loader, Stack, Switch, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import type { WebhookState, WebhookView } from "../../../common/contracts/jira-webhook.ts";
import { useJiraWebhook, useRegisterJiraWebhook, useRevealJiraWebhookSecret, useSaveJiraWebhook, useVerifyJiraWebhook } from "../../api/jira-webhook.ts";
import { CopyField } from "../CopyField.tsx";
import { ErrorAlert } from "../ErrorAlert.tsx";

const stateLabel: Record<WebhookState, { label: string; color: string }> = {
  registered: { label: "Registered in Jira", color: "teal" },
  manual: { label: "Set up by hand", color: "yellow" },
  unreachable: { label: "Jira cannot reach Tether", color: "orange" },
  off: { label: "Off", color: "gray" },
  error: { label: "Registration failed", color: "red" },
  unregistered: { label: "Not registered yet", color: "gray" },
};

/** Settings → Integrations → Jira → Webhook (docs/WEBHOOKS.md). Admin and Moderator only; the API says so to others. */
export function WebhookPanel({ workspaceId }: { workspaceId: string }) {
  const query = useJiraWebhook(workspaceId);
  const register = useRegisterJiraWebhook(workspaceId);
  const verify = useVerifyJiraWebhook(workspaceId);
  const reveal = useRevealJiraWebhookSecret(workspaceId);
  const save = useSaveJiraWebhook(workspaceId);
  return (
    <Stack gap="md" data-testid="jira-webhook">
      <Title order={3}>Webhook (Jira → Tether)</Title>
      <ErrorAlert error={query.error} title="Could not load the webhook" />
      <ErrorAlert error={register.error} title="Could not register the webhook in Jira" />
      <ErrorAlert error={verify.error} title="Could not verify the webhook" />
      <ErrorAlert error={reveal.error} title="Could not show the webhook secret" />
      <ErrorAlert error={save.error} title="Could not save the webhook settings" />
      {query.isPending ? (
        <Loader size="sm" />
      ) : query.data === null ? (
        <Text size="sm" c="dimmed">
          Connect Jira first.
        </Text>
      ) : (
        query.data && (
          <WebhookDetails
            view={query.data}
            onRegister={() => register.mutate()}
            registering={register.isPending}
            onVerify={() => verify.mutate()}
            verifying={verify.isPending}
            verified={verify.data ?? null}
            onReveal={() => reveal.mutate()}
            secret={reveal.data?.secret ?? null}
            onSave={(body) => save.mutate(body)}
          />
        )
      )}
    </Stack>
  );
}

type DetailsProps = {
  view: WebhookView;
  onRegister(): void;
  registering: boolean;
  onVerify(): void;
  verifying: boolean;
  verified: { received: boolean; message: string } | null;
  onReveal(): void;
  secret: string | null;
  onSave(body: { customJql?: string | null; acceptUnsigned?: boolean }): void;
};

function WebhookDetails({ view, onRegister, registering, onVerify, verifying, verified, onReveal, secret, onSave }: DetailsProps) {
  const [jql, setJql] = useState(view.customJql ?? "");
  const state = stateLabel[view.state];
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Badge color={state.color} data-testid="jira-webhook-state">
          {state.label}
        </Badge>
        <Text size="sm" c="dimmed">
          {view.lastDeliveryAt ? `Last delivery ${new Date(view.lastDeliveryAt).toLocaleString()}` : "No delivery yet"} · {view.counts.synced} synced, {view.counts.ignored} ignored (7 days)
        </Text>
      </Group>
      {view.reason && <Alert color={state.color}>{view.reason}</Alert>}
      {view.lastRejected && (
        <Text size="sm" c="red">
          Last refused delivery ({new Date(view.lastRejected.at).toLocaleString()}): {view.lastRejected.reason}
        </Text>
      )}
      {view.url && <CopyField label="Webhook URL" value={view.url} testId="jira-webhook-url" />}
      <CopyField label="Events" value={view.events.join(", ")} testId="jira-webhook-events" />
      <CopyField label="JQL filter" value={view.jql} testId="jira-webhook-jql" />
      {view.manualSteps.length > 0 && (
        // The steps carry the webhook URL and JQL: long unbroken words that must wrap on a phone.
        <List type="ordered" size="sm" style={{ overflowWrap: "anywhere" }} data-testid="jira-webhook-steps">
          {view.manualSteps.map((step) => (
            <List.Item key={step}>{step}</List.Item>
          ))}
        </List>
      )}
      {secret ? (
        <CopyField label="Secret (paste into Jira's Secret field)" value={secret} testId="jira-webhook-secret" />
      ) : (
        view.jiraSigns && (
          <Button variant="light" onClick={onReveal} w="fit-content" data-testid="jira-webhook-reveal">
            Reveal secret
          </Button>
        )
      )}
      <Group align="flex-end">
        <TextInput label="Custom JQL (empty: the mapped project)" value={jql} onChange={(e) => setJql(e.currentTarget.value)} style={{ flex: 1 }} />
        <Button variant="default" onClick={() => onSave({ customJql: jql.trim() === "" ? null : jql.trim() })}>
          Save JQL
        </Button>
      </Group>
      {!view.jiraSigns && (
        <Switch
          label="Accept unsigned deliveries (Jira Data Center 9 cannot sign; the secret URL alone protects them)"
          checked={view.acceptUnsigned}
          onChange={(e) => onSave({ acceptUnsigned: e.currentTarget.checked })}
        />
      )}
      <Group>
        <Button onClick={onRegister} loading={registering} data-testid="jira-webhook-register">
          Register in Jira
        </Button>
        <Button variant="light" onClick={onVerify} loading={verifying} data-testid="jira-webhook-verify">
          Verify (edit an issue in Jira within 30 s)
        </Button>
      </Group>
      {verified && (
        <Alert color={verified.received ? "teal" : "orange"} data-testid="jira-webhook-verified">
          {verified.message}
        </Alert>
      )}
    </Stack>
  );
}
