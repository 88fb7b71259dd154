import { Avatar, Button, Group, Paper, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import type { UseCaseComment } from "../../common/contracts/use-cases.ts";
import { useDeleteComment, useEditComment } from "../api/use-cases.ts";
import { ConfirmButton } from "./ConfirmButton.tsx";
import { ErrorAlert } from "./ErrorAlert.tsx";
import { formatDateTime } from "./labels.ts";
import { Markdown } from "./Markdown.tsx";

type Props = {
  workspaceId: string;
  useCaseId: string;
  comment: UseCaseComment;
  /** The API's rule: authors edit their comments; authors and Admins delete them. */
  mayEdit: boolean;
  mayDelete: boolean;
};

/** One comment, with Edit and Delete for those the API allows. */
export function CommentItem({ workspaceId, useCaseId, comment, mayEdit, mayDelete }: Props) {
  const edit = useEditComment(workspaceId, useCaseId);
  const remove = useDeleteComment(workspaceId, useCaseId);
  const [draft, setDraft] = useState<string | null>(null);
  const edited = comment.updatedAt !== comment.createdAt;
  return (
    <Paper withBorder p="sm" data-testid="comment" data-comment-id={comment.id}>
      <Group gap="xs" mb={6} justify="space-between" wrap="wrap">
        <Group gap="xs" wrap="nowrap">
          <Avatar name={comment.author?.displayName ?? "?"} color="indigo" variant="filled" size="sm" />
          <Text size="sm" fw={500}>
            {comment.author?.displayName ?? "Former member"}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(comment.createdAt)}
            {edited ? " · edited" : ""}
          </Text>
        </Group>
        {draft === null && (mayEdit || mayDelete) && (
          <Group gap={4}>
            {mayEdit && (
              <Button size="compact-xs" variant="subtle" onClick={() => setDraft(comment.body)} data-testid="comment-edit">
                Edit
              </Button>
            )}
            {mayDelete && (
              <ConfirmButton
                title="Delete this comment?"
                message="It is removed for everyone. This cannot be undone."
                confirmLabel="Delete comment"
                onConfirm={() => remove.mutateAsync(comment.id)}
              >
                {(open) => (
                  <Button size="compact-xs" variant="subtle" color="red" onClick={open} data-testid="comment-delete">
                    Delete
                  </Button>
                )}
              </ConfirmButton>
            )}
          </Group>
        )}
      </Group>
      {draft === null ? (
        <Markdown source={comment.body} />
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (draft.trim()) edit.mutate({ commentId: comment.id, body: draft }, { onSuccess: () => setDraft(null) });
          }}
        >
          <Stack gap="xs">
            <ErrorAlert error={edit.error} title="Could not save the comment" />
            <Textarea aria-label="Edit the comment" autosize minRows={2} value={draft} onChange={(event) => setDraft(event.currentTarget.value)} data-testid="comment-edit-body" />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" size="xs" onClick={() => setDraft(null)}>
                Cancel
              </Button>
              <Button type="submit" size="xs" loading={edit.isPending} disabled={!draft.trim()} data-testid="comment-edit-save">
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
