import "@mantine/dates/styles.css";
import { Alert, Button, Group, PasswordInput, Select, Stack, TagsInput, Text, TextInput } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { type ConnectionKind, type JiraConnection, ProjectKey, SaveConnectionBody } from "../../../common/contracts/jira-connection.ts";
import type { useSaveJiraConnection } from "../../api/jira.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { formatDateTime } from "../labels.ts";
import { zodFieldError } from "../zod-field.ts";
import {
  type ConnectionFormValues,
  connectionKindOptions,
  connectionKinds,
  formValuesOf,
  keepsStoredSecret,
  normaliseProjectKeys,
  saveBody,
} from "./connection-form-values.ts";

const isConnectionKind = (value: string | null): value is ConnectionKind => value !== null && value in connectionKinds;
const checkBaseUrl = zodFieldError(SaveConnectionBody.shape.baseUrl, "Enter the address of your Jira, e.g. https://your-site.atlassian.net.");
const checkProjectKey = zodFieldError(ProjectKey);

function validate(values: ConnectionFormValues, connection: JiraConnection | null) {
  const kind = connectionKinds[values.kind];
  const badKey = values.projectKeys.map(checkProjectKey).find((message) => message !== null);
  return {
    baseUrl: checkBaseUrl(values.baseUrl.trim()),
    accountName: kind.accountLabel !== null && values.accountName.trim() === "" ? `Enter the ${kind.accountLabel.toLowerCase()}.` : null,
    // A stored secret belongs to the stored site, kind and account.
    secret: values.secret === "" && !keepsStoredSecret(connection, values) ? `Enter the ${kind.secretLabel}.` : null,
    projectKeys: values.projectKeys.length === 0 ? "Choose at least one Jira project key, e.g. TETH." : (badKey ?? null),
  };
}

type Props = {
  connection: JiraConnection | null;
  /** Owned by the page: the form is re-created when the first save creates the connection, the outcome must outlive it. */
  save: ReturnType<typeof useSaveJiraConnection>;
};

/** Create or change the connection. The stored secret is never shown: an empty input keeps it. */
export function ConnectionForm({ connection, save }: Props) {
  const form = useForm<ConnectionFormValues>({
    initialValues: formValuesOf(connection),
    validate: (values) => validate(values, connection),
  });
  const kind = connectionKinds[form.values.kind];
  const keepsSecret = keepsStoredSecret(connection, form.values);
  const submit = form.onSubmit((values) =>
    save.mutate(saveBody(values), {
      onSuccess: ({ connection: saved }) => {
        form.setValues(formValuesOf(saved));
        form.resetDirty(formValuesOf(saved));
      },
    }),
  );
  return (
    <form onSubmit={submit} noValidate data-testid="jira-connection-form">
      <Stack gap="md">
        <Select
          label="Kind of Jira"
          data={connectionKindOptions}
          allowDeselect={false}
          data-testid="jira-kind"
          description={kind.hint}
          {...form.getInputProps("kind")}
          onChange={(value) => {
            if (isConnectionKind(value)) form.setFieldValue("kind", value);
          }}
        />
        <TextInput
          label={form.values.kind === "cloud" || form.values.kind === "cloud_scoped" ? "Site URL" : "Base URL"}
          placeholder={kind.baseUrlPlaceholder}
          required
          data-testid="jira-base-url"
          {...form.getInputProps("baseUrl")}
        />
        {kind.accountLabel !== null && (
          <TextInput
            label={kind.accountLabel}
            placeholder={kind.accountPlaceholder}
            required
            autoComplete="off"
            data-testid="jira-account"
            {...form.getInputProps("accountName")}
          />
        )}
        <PasswordInput
          label={kind.secretLabel}
          required={!keepsSecret}
          autoComplete="new-password"
          placeholder={keepsSecret ? `Leave empty to keep the stored ${kind.secretLabel}` : undefined}
          description={
            connection ? (
              <span data-testid="jira-secret-status">
                {keepsSecret ? "Set" : `The stored secret is for ${connectionKinds[connection.kind].label} at ${connection.baseUrl}${connection.accountName ? ` as ${connection.accountName}` : ""}`} · ends with …
                {connection.secret.lastFour} · set on {formatDateTime(connection.secret.setAt)}
              </span>
            ) : undefined
          }
          data-testid="jira-secret"
          {...form.getInputProps("secret")}
        />
        <DateInput
          label="Token expires on"
          description="Optional. Jira does not tell Tether when a token expires; with the date, Test connection warns two weeks ahead."
          placeholder="Unknown"
          clearable
          valueFormat="YYYY-MM-DD"
          data-testid="jira-secret-expires"
          {...form.getInputProps("secretExpiresOn")}
        />
        <TagsInput
          label="Jira projects"
          description="Project keys Tether works in. Type a key and press Enter."
          placeholder={form.values.projectKeys.length === 0 ? "TETH" : undefined}
          required
          splitChars={[",", " ", ";"]}
          data-testid="jira-project-keys"
          {...form.getInputProps("projectKeys")}
          onChange={(keys) => form.setFieldValue("projectKeys", normaliseProjectKeys(keys))}
        />
        <ErrorAlert error={save.error} title="Jira connection not saved" />
        {save.isSuccess && !form.isDirty() && (
          <Alert color="teal" data-testid="jira-saved">
            <Text size="sm">Saved. Test the connection to check the account's permissions.</Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} data-testid="jira-save">
            {connection ? "Save changes" : "Save connection"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
