import { Button, Stack, Text } from "@mantine/core";
import { Link, useParams } from "react-router";
import { useVerifyEmail } from "../api/email-verification.ts";
import { useSession } from "../api/session.ts";
import { AuthCard } from "../components/AuthCard.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";

/** Opened from the mailed link. A click confirms, so a mail scanner fetching the link uses nothing up. */
export function VerifyEmailPage() {
  const { token = "" } = useParams();
  const verify = useVerifyEmail();
  // Signed in in this browser? Then the API wants the session's CSRF token, which loading the session remembers.
  const session = useSession();
  if (verify.isSuccess) {
    return (
      <AuthCard title="Email address confirmed">
        <Stack>
          <Text data-testid="verify-email-done">Thank you: your email address is confirmed.</Text>
          <Button component={Link} to="/">
            Open Tether
          </Button>
        </Stack>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Confirm your email address">
      <Stack>
        <ErrorAlert error={verify.error} title="Could not confirm the address" />
        <Button loading={verify.isPending || session.isPending} onClick={() => verify.mutate({ token })} data-testid="verify-email-submit">
          Confirm my email address
        </Button>
      </Stack>
    </AuthCard>
  );
}
