import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { Link, useParams } from "react-router";
import { useCompletePasswordReset, useRequestPasswordReset } from "../api/password-reset.ts";
import { useSession } from "../api/session.ts";
import { AuthCard } from "../components/AuthCard.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";

/** Asks for a reset link by email; the answer never says whether an account has that email. */
export function ForgotPasswordPage() {
  const ask = useRequestPasswordReset();
  const form = useForm({ initialValues: { email: "" }, validate: { email: (v) => (/^\S+@\S+$/.test(v) ? null : "Enter your email address.") } });
  return (
    <AuthCard title="Forgot your password?">
      <form noValidate onSubmit={form.onSubmit((values) => ask.mutate(values))}>
        <Stack>
          <ErrorAlert error={ask.error} title="Could not send a link" />
          {ask.data ? <Alert data-testid="reset-requested">{ask.data.message}</Alert> : null}
          <TextInput label="Email" type="email" autoComplete="email" data-testid="reset-email" {...form.getInputProps("email")} />
          <Button type="submit" loading={ask.isPending} data-testid="reset-request-submit">
            Mail me a link
          </Button>
          <Text size="sm" c="dimmed" ta="center">
            <Anchor component={Link} to="/login">
              Back to log in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}

/** Opened from the mailed link: sets the new password once, then sends the person to log in. */
export function ResetPasswordPage() {
  const { token = "" } = useParams();
  const complete = useCompletePasswordReset();
  // Signed in in this browser? Then the API wants the session's CSRF token, which loading the session remembers.
  const session = useSession();
  const form = useForm({ initialValues: { newPassword: "" }, validate: { newPassword: (v) => (v.length >= 10 ? null : "Choose a password of at least 10 characters.") } });
  if (complete.isSuccess) {
    return (
      <AuthCard title="Password changed">
        <Stack>
          <Text data-testid="reset-done">Your new password is set; every session ended and your API tokens were revoked.</Text>
          <Button component={Link} to="/login">
            Log in
          </Button>
        </Stack>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password">
      <form onSubmit={form.onSubmit((values) => complete.mutate({ token, newPassword: values.newPassword }))}>
        <Stack>
          <ErrorAlert error={complete.error} title="Could not set the password" />
          <PasswordInput label="New password" autoComplete="new-password" data-testid="reset-password" {...form.getInputProps("newPassword")} />
          <Button type="submit" loading={complete.isPending || session.isPending} data-testid="reset-submit">
            Set password
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
