import { Alert, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { CreateApiTokenBody } from "../../common/contracts/auth.ts";
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from "../api/tokens.ts";
import { ChangePasswordForm } from "../components/ChangePasswordForm.tsx";
import { ConfirmRowAction } from "../components/ConfirmRowAction.tsx";
import { CopyField } from "../components/CopyField.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { formatDateTime } from "../components/labels.ts";
import { PageLoader } from "../components/PageLoader.tsx";
import { zodFieldError } from "../components/zod-field.ts";

export function ApiTokensPage() {
  const tokens = useApiTokens();
  const createToken = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const form = useForm({ initialValues: { name: "" }, validate: { name: zodFieldError(CreateApiTokenBody.shape.name, "Give the token a name, e.g. the tool that will use it.") } });
  return (
    <Stack gap="lg" maw={900}>
      <div>
        <Title order={2}>Personal API tokens</Title>
        <Text c="dimmed" size="sm">
          Tokens let scripts call Tether's API as you (header <code>Authorization: Bearer …</code>). They act with your roles.
        </Text>
      </div>
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <form onSubmit={form.onSubmit(({ name }) => createToken.mutate(name, { onSuccess: () => form.reset() }))}>
            <Group align="flex-end" gap="sm">
              <TextInput label="Token name" placeholder="e.g. CI import script" w={300} data-testid="token-name" {...form.getInputProps("name")} />
              <Button type="submit" loading={createToken.isPending} data-testid="token-create">
                Create token
              </Button>
            </Group>
          </form>
          <ErrorAlert error={createToken.error} title="Could not create the token" />
          {createToken.data && (
            <Alert color="teal" title={`Token “${createToken.data.token.name}” created`} data-testid="token-created">
              <Stack gap="xs">
                <Text size="sm">Copy it now: Tether stores only a hash and cannot show it again.</Text>
                <CopyField value={createToken.data.secret} label="Token" testId="token-secret" />
              </Stack>
            </Alert>
          )}
        </Stack>
      </Paper>
      <ErrorAlert error={tokens.error} title="Could not load tokens" />
      {tokens.isPending ? (
        <PageLoader />
      ) : tokens.data?.tokens.length === 0 ? (
        <Text c="dimmed" size="sm">
          You have no tokens.
        </Text>
      ) : (
        <Paper withBorder>
          <Table verticalSpacing="sm" data-testid="tokens-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Ends with</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data?.tokens.map((token) => (
                <Table.Tr key={token.id} data-testid="token-row">
                  <Table.Td fw={500}>{token.name}</Table.Td>
                  <Table.Td ff="monospace">…{token.lastFour}</Table.Td>
                  <Table.Td>{formatDateTime(token.createdAt)}</Table.Td>
                  <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : <Text c="dimmed" size="sm">Never</Text>}</Table.Td>
                  <Table.Td ta="right">
                    <ConfirmRowAction
                      label="Revoke"
                      title={`Revoke “${token.name}”?`}
                      message="Scripts using this token stop working right away."
                      confirmLabel="Revoke token"
                      onConfirm={() => revoke.mutateAsync(token.id)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Paper withBorder p="lg">
        <ChangePasswordForm />
      </Paper>
    </Stack>
  );
}
