import { Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useAddComment, useComments } from "../api/use-cases.ts";
import { useSession } from "../api/session.ts";
import { CommentItem } from "./CommentItem.tsx";
import { useCurrentWorkspace } from "./current-workspace.ts";
import { ErrorAlert } from "./ErrorAlert.tsx";
import { PageLoader } from "./PageLoader.tsx";

export function CommentsPanel({ workspaceId, useCaseId, canComment }: { workspaceId: string; useCaseId: string; canComment: boolean }) {
  const comments = useComments(workspaceId, useCaseId);
  const addComment = useAddComment(workspaceId, useCaseId);
  const [body, setBody] = useState("");
  const userId = useSession().data?.user.id;
  const { workspace } = useCurrentWorkspace();
  if (comments.isPending) return <PageLoader />;
  return (
    <Stack gap="md">
      <ErrorAlert error={comments.error} title="Could not load comments" />
      {comments.data?.comments.length === 0 && (
        <Text c="dimmed" size="sm">
          No comments yet.
        </Text>
      )}
      {comments.data?.comments.map((comment) => {
        const own = comment.author !== null && comment.author.id === userId;
        return (
          <CommentItem
            key={comment.id}
            workspaceId={workspaceId}
            useCaseId={useCaseId}
            comment={comment}
            mayEdit={own}
            mayDelete={own || workspace?.role === "admin"}
          />
        );
      })}
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
              aria-label="Write a comment (Markdown)"
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
