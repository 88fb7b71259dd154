/** Rich text between Tether (Markdown) and Jira (ADF on Cloud, wiki markup on Data Center). Pure: no I/O. */
export type { AdfDocument, RichText } from "../client/types.ts";
export type { AdfMark, AdfNode } from "./adf.ts";
export { adfToMarkdown } from "./adf-to-markdown.ts";
export { markdownToAdf } from "./markdown-to-adf.ts";
export { markdownToWiki } from "./markdown-to-wiki.ts";
export { mergeDescriptionForPush } from "./merge.ts";
export { normaliseMarkdown } from "./normalise.ts";
export { markdownToRichText, type RichTextKind, richTextToMarkdown, sameRichText } from "./rich-text.ts";
export { wikiToMarkdown } from "./wiki-to-markdown.ts";
