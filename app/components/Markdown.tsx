import { Text, Typography } from "@mantine/core";
import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";

const plugins = [remarkGfm];

/**
 * User-written GitHub-flavoured Markdown (tables, task lists, strikethrough, autolinks), rendered
 * without raw HTML (`skipHtml`) and with react-markdown's default URL filter, so `javascript:`
 * links cannot run.
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
      <ReactMarkdown skipHtml remarkPlugins={plugins}>
        {source}
      </ReactMarkdown>
    </Typography>
  );
}
