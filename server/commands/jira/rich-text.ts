import type { JiraFlavor, RichText } from "../../../integrations/jira/client/index.ts";
import { mergeDescriptionForPush, normaliseMarkdown, richTextToMarkdown } from "../../../integrations/jira/formats/index.ts";
import type { RichTextCodec } from "../../../integrations/jira/sync/mapping-context.ts";

/**
 * Markdown ↔ the flavour's rich text: ADF on Cloud (API v3), wiki markup on Data Center (v2).
 * Pushes keep Jira-only content (mentions, media, panels) of blocks Tether did not change.
 */
export function richTextCodec(flavor: JiraFlavor): RichTextCodec {
  const kind = flavor === "cloud" ? "adf" : "wiki";
  return {
    toMarkdown: (value: RichText) => richTextToMarkdown(value),
    fromMarkdown: (markdown: string, previous?: RichText | null) => mergeDescriptionForPush(previous ?? null, markdown, kind),
    normalise: (markdown: string) => normaliseMarkdown(markdown),
  };
}
