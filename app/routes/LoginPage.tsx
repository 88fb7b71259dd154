import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useLogin } from "../api/session.ts";
import { AuthCard } from "../components/AuthCard.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { safeNext } from "../components/safe-next.ts";

export function LoginPage() {
  const [params] = useSearchParams();
  const next = params.get("next");
  const navigate = useNavigate();
  const login = useLogin();
  const form = useForm({
    initialValues: { email: "", password: "" },
    validate: {
      email: (v) => (/^\S+@\S+$/.test(v) ? null : "Enter your email address."),
      password: (v) => (v ? null : "Enter your password."),
    },
  });
  const signupLink = next ? `/signup?next=${encodeURIComponent(next)}` : "/signup";
  return (
    <AuthCard title="Log in">
      <form noValidate onSubmit={form.onSubmit((values) => login.mutate(values, { onSuccess: () => navigate(safeNext(next)) }))}>
        <Stack>
          <ErrorAlert error={login.error} title="Could not log in" />
          <TextInput label="Email" type="email" autoComplete="email" data-testid="login-email" {...form.getInputProps("email")} />
          <PasswordInput label="Password" autoComplete="current-password" data-testid="login-password" {...form.getInputProps("password")} />
          <Button type="submit" loading={login.isPending} data-testid="login-submit">
            Log in
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm" ta="center" data-testid="to-forgot-password">
            Forgot your password?
          </Anchor>
          <Text size="sm" c="dimmed" ta="center">
            New to Tether?{" "}
            <Anchor component={Link} to={signupLink} data-testid="to-signup">
              Create an account
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
