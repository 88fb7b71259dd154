import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { Link, useNavigate, useSearchParams } from "react-router";
import { SignupBody } from "../../common/contracts/auth.ts";
import { useSignup } from "../api/session.ts";
import { AuthCard } from "../components/AuthCard.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { safeNext } from "../components/safe-next.ts";
import { zodFieldError } from "../components/zod-field.ts";

export function SignupPage() {
  const [params] = useSearchParams();
  const next = params.get("next");
  const navigate = useNavigate();
  const signup = useSignup();
  const form = useForm({
    initialValues: { displayName: "", email: "", password: "" },
    validate: {
      displayName: zodFieldError(SignupBody.shape.displayName, "Enter your name."),
      email: zodFieldError(SignupBody.shape.email, "Enter your email address."),
      password: zodFieldError(SignupBody.shape.password, "Choose a password of at least 10 characters."),
    },
  });
  const loginLink = next ? `/login?next=${encodeURIComponent(next)}` : "/login";
  // Coming from an invitation link: its secret is what lets an invitation-only server take the sign-up.
  const invitationToken = /^\/invite\/([\w-]{20,100})$/.exec(next ?? "")?.[1];
  const submit = form.onSubmit((values) =>
    signup.mutate(invitationToken ? { ...values, invitationToken } : values, {
      // An invitation is used up by the sign-up: the new account is already in its workspace.
      onSuccess: ({ workspace }) => navigate(workspace ? `/w/${workspace.id}/use-cases` : safeNext(next)),
    }),
  );
  return (
    <AuthCard title="Create your account" subtitle="Capture, evaluate and prioritise use cases with your team.">
      {/* A new account has no workspace yet: "/" sends it on to workspace creation. */}
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={signup.error} title="Could not sign up" />
          <TextInput label="Your name" autoComplete="name" data-testid="signup-name" {...form.getInputProps("displayName")} />
          <TextInput label="Email" type="email" autoComplete="email" data-testid="signup-email" {...form.getInputProps("email")} />
          <PasswordInput
            label="Password"
            description="At least 10 characters"
            autoComplete="new-password"
            data-testid="signup-password"
            {...form.getInputProps("password")}
          />
          <Button type="submit" loading={signup.isPending} data-testid="signup-submit">
            Sign up
          </Button>
          <Text size="sm" c="dimmed" ta="center">
            Already have an account?{" "}
            <Anchor component={Link} to={loginLink}>
              Log in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
