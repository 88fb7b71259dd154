import { Text, Typography } from "@mantine/core";
import ReactMarkdown from "react-markdown";

/**
 * User-written Markdown, rendered without raw HTML (react-markdown drops it by default) and
 * with its default URL filter, so `javascript:` links cannot run.
 */
export function Markdown({ source, empty = "No description yet." }: { source: string; empty?: string }) {
  if (!source.trim()) {
    return (
      <Text c="dimmed" size="sm" fs="italic">
        {empty}
      </Text>
    );
  }
  return (
    <Typography data-testid="markdown">
      <ReactMarkdown skipHtml>{source}</ReactMarkdown>
    </Typography>
  );
}
