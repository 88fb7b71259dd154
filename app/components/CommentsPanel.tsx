import { Avatar, Button, Group, Paper, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useAddComment, useComments } from "../api/use-cases.ts";
import { ErrorAlert } from "./ErrorAlert.tsx";
import { formatDateTime } from "./labels.ts";
import { Markdown } from "./Markdown.tsx";
import { PageLoader } from "./PageLoader.tsx";

export function CommentsPanel({ workspaceId, useCaseId, canComment }: { workspaceId: string; useCaseId: string; canComment: boolean }) {
  const comments = useComments(workspaceId, useCaseId);
  const addComment = useAddComment(workspaceId, useCaseId);
  const [body, setBody] = useState("");
  if (comments.isPending) return <PageLoader />;
  return (
    <Stack gap="md">
      <ErrorAlert error={comments.error} title="Could not load comments" />
      {comments.data?.comments.length === 0 && (
        <Text c="dimmed" size="sm">
          No comments yet.
        </Text>
      )}
      {comments.data?.comments.map((comment) => (
        <Paper key={comment.id} withBorder p="sm" data-testid="comment">
          <Group gap="xs" mb={6}>
            <Avatar name={comment.author?.displayName ?? "?"} color="indigo" variant="filled" size="sm" />
            <Text size="sm" fw={500}>
              {comment.author?.displayName ?? "Former member"}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(comment.createdAt)}
            </Text>
          </Group>
          <Markdown source={comment.body} />
        </Paper>
      ))}
      {canComment && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (body.trim()) addComment.mutate(body, { onSuccess: () => setBody("") });
          }}
        >
          <Stack gap="xs">
            <ErrorAlert error={addComment.error} title="Could not add the comment" />
            <Textarea
              placeholder="Write a comment (Markdown)"
              autosize
              minRows={3}
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
              data-testid="comment-body"
            />
            <Group justify="flex-end">
              <Button type="submit" loading={addComment.isPending} disabled={!body.trim()} data-testid="comment-submit">
                Comment
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
