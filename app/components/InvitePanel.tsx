import { Alert, Button, Group, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { Role } from "../../common/contracts/workspaces.ts";
import { useCreateInvitation } from "../api/invitations.ts";
import { CopyField } from "./CopyField.tsx";
import { ErrorAlert } from "./ErrorAlert.tsx";
import { roleOptions } from "./labels.ts";

/** Invite by link: the link holds a one-time secret and is shown only right after creating it. */
export function InvitePanel({ workspaceId }: { workspaceId: string }) {
  const createInvitation = useCreateInvitation(workspaceId);
  const form = useForm<{ role: Role; email: string }>({
    initialValues: { role: "member", email: "" },
    validate: { email: (v) => (v === "" || /^\S+@\S+\.\S+$/.test(v) ? null : "Enter an email address, or leave it empty for a link anyone can use once.") },
  });
  return (
    <Stack gap="sm">
      <Title order={4}>Invite people</Title>
      <form
        onSubmit={form.onSubmit(({ role, email }) =>
          createInvitation.mutate(email.trim() ? { role, email: email.trim() } : { role }),
        )}
      >
        <Group align="flex-end" gap="sm">
          <Select label="Role" data={roleOptions} allowDeselect={false} w={160} data-testid="invite-role" {...form.getInputProps("role")} />
          <TextInput label="Email (optional)" placeholder="name@example.com" w={260} data-testid="invite-email" {...form.getInputProps("email")} />
          <Button type="submit" loading={createInvitation.isPending} data-testid="invite-submit">
            Create invitation link
          </Button>
        </Group>
      </form>
      <ErrorAlert error={createInvitation.error} title="Could not create the invitation" />
      {createInvitation.data && (
        <Alert color="teal" title="Invitation link created" data-testid="invite-created">
          <Stack gap="xs">
            <Text size="sm" data-testid="invite-created-note">
              {createInvitation.data.invitation.email
                ? `The link is on its way to ${createInvitation.data.invitation.email} by email. It works once, only for that address; copy it here if they need it another way (it is shown only now).`
                : "Send this link to the person you invite. It is shown only now and works once."}
            </Text>
            <CopyField value={createInvitation.data.url} label="Invitation link" testId="invite-url" />
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
