import { Button, Stack, Text } from "@mantine/core";
import { Link, useNavigate, useParams } from "react-router";
import { useSession } from "../api/session.ts";
import { useAcceptInvitation, useInvitationPreview } from "../api/workspaces.ts";
import { AuthCard } from "../components/AuthCard.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { roleLabel } from "../components/labels.ts";
import { PageLoader } from "../components/PageLoader.tsx";

/** Open without login to see the offer; accepting needs an account, then brings you back here. */
export function AcceptInvitationPage() {
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation();
  const here = encodeURIComponent(`/invite/${token}`);

  if (preview.isPending || session.isPending) return <PageLoader />;
  if (preview.isError) {
    return (
      <AuthCard title="Invitation">
        <ErrorAlert error={preview.error} title="This invitation cannot be used" />
        <Button component={Link} to="/" variant="default">
          Go to Tether
        </Button>
      </AuthCard>
    );
  }
  const { workspaceName, role, invitedBy } = preview.data;
  return (
    <AuthCard title={`Join ${workspaceName}`}>
      <Stack data-testid="invitation-preview">
        <Text>
          {invitedBy} invited you to join <b>{workspaceName}</b> as <b>{roleLabel[role]}</b>.
        </Text>
        <ErrorAlert error={accept.error} title="Could not join" />
        {session.data ? (
          <>
            <Text size="sm" c="dimmed">
              You are logged in as {session.data.user.email}.
            </Text>
            <Button
              loading={accept.isPending}
              data-testid="accept-invitation"
              onClick={() => accept.mutate(token, { onSuccess: ({ workspace }) => navigate(`/w/${workspace.id}/use-cases`) })}
            >
              Join workspace
            </Button>
          </>
        ) : (
          <Stack gap="xs">
            <Button component={Link} to={`/signup?next=${here}`} data-testid="invitation-signup">
              Create an account to accept
            </Button>
            <Button component={Link} to={`/login?next=${here}`} variant="default" data-testid="invitation-login">
              I already have an account
            </Button>
          </Stack>
        )}
      </Stack>
    </AuthCard>
  );
}
