import { Alert, Button, Group, Text } from "@mantine/core";
import { useResendVerification } from "../api/email-verification.ts";
import { useSession } from "../api/session.ts";
import { ErrorAlert } from "./ErrorAlert.tsx";

/** Shown to a signed-in account whose address is not confirmed yet; everything else works as usual. */
export function EmailVerificationNotice() {
  const session = useSession();
  const resend = useResendVerification();
  if (session.data?.emailVerification !== "unverified") return null;
  return (
    <Alert color="yellow" variant="light" mb="md" data-testid="email-verification-notice" title="Please confirm your email address">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm">
          We mailed a link to {session.data.user.email}. Until you open it you can use Tether as usual; invitations and password resets go to this address.
        </Text>
        {resend.data ? (
          <Text size="sm" data-testid="email-verification-resent">
            {resend.data.message}
          </Text>
        ) : (
          <Button size="xs" variant="default" loading={resend.isPending} onClick={() => resend.mutate()} data-testid="email-verification-resend">
            Mail me a new link
          </Button>
        )}
      </Group>
      <ErrorAlert error={resend.error} title="Could not send a link" />
    </Alert>
  );
}
