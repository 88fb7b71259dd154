import type { RichText } from "../client/types.ts";
import { adfToMarkdown } from "./adf-to-markdown.ts";
import { markdownToAdf } from "./markdown-to-adf.ts";
import { markdownToWiki } from "./markdown-to-wiki.ts";
import { normaliseMarkdown } from "./normalise.ts";
import { wikiToMarkdown } from "./wiki-to-markdown.ts";

export type RichTextKind = RichText["kind"];

/** Jira's rich text (ADF on Cloud, wiki markup on Data Center) as Tether's Markdown. */
export function richTextToMarkdown(value: RichText): string {
  return value.kind === "adf" ? adfToMarkdown(value.doc) : wikiToMarkdown(value.text);
}

/** Tether's Markdown as the rich text a flavour takes: `"adf"` for Cloud v3, `"wiki"` for Data Center v2. */
export function markdownToRichText(markdown: string, kind: RichTextKind): RichText {
  return kind === "adf" ? { kind: "adf", doc: markdownToAdf(markdown) } : { kind: "wiki", text: markdownToWiki(markdown) };
}

/**
 * Do two descriptions mean the same? Each side may be Markdown or Jira rich text; both are
 * read as Markdown and compared in the canonical spelling of `normaliseMarkdown`. A missing
 * description equals an empty one.
 */
export function sameRichText(a: RichText | string | null, b: RichText | string | null): boolean {
  return asMarkdown(a) === asMarkdown(b);
}

function asMarkdown(value: RichText | string | null): string {
  if (value === null) return "";
  return typeof value === "string" ? normaliseMarkdown(value) : richTextToMarkdown(value);
}
