import { Alert, Button, Checkbox, Group, PasswordInput, Stack, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { ChangePasswordBody } from "../../common/contracts/auth.ts";
import { useChangePassword } from "../api/session.ts";
import { ErrorAlert } from "./ErrorAlert.tsx";
import { zodFieldError } from "./zod-field.ts";

/** Password change; the server logs the account out everywhere else and, if asked, revokes its API tokens. */
export function ChangePasswordForm() {
  const change = useChangePassword();
  const form = useForm({
    initialValues: { currentPassword: "", newPassword: "", revokeApiTokens: false },
    validate: { newPassword: zodFieldError(ChangePasswordBody.shape.newPassword, "Choose a password of at least 10 characters.") },
  });
  return (
    <form onSubmit={form.onSubmit((values) => change.mutate(values, { onSuccess: () => form.reset() }))}>
      <Stack gap="sm" maw={420}>
        <Title order={3}>Password</Title>
        <ErrorAlert error={change.error} title="Password not changed" />
        {change.isSuccess && (
          <Alert color="teal" data-testid="password-changed">
            Password changed. Every other session of your account was logged out
            {change.variables?.revokeApiTokens ? ", and your API tokens were revoked" : ""}.
          </Alert>
        )}
        <PasswordInput label="Current password" autoComplete="current-password" data-testid="password-current" {...form.getInputProps("currentPassword")} />
        <PasswordInput label="New password" description="At least 10 characters." autoComplete="new-password" data-testid="password-new" {...form.getInputProps("newPassword")} />
        <Checkbox
          label="Also revoke my API tokens"
          description="Do this if you think someone else knew your password: they may have created tokens."
          data-testid="password-revoke-tokens"
          {...form.getInputProps("revokeApiTokens", { type: "checkbox" })}
        />
        <Group>
          <Button type="submit" loading={change.isPending} data-testid="password-submit">
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
