import type { RichText } from "../client/types.ts";
import { type AdfNode, adfBlocks, adfDocument } from "./adf.ts";
import { adfToMarkdown } from "./adf-to-markdown.ts";
import { markdownToAdf } from "./markdown-to-adf.ts";
import { markdownToWiki } from "./markdown-to-wiki.ts";
import { type RichTextKind, markdownToRichText } from "./rich-text.ts";
import { parseWikiBlocks } from "./wiki-blocks.ts";
import { wikiToMarkdown } from "./wiki-to-markdown.ts";

/**
 * The description to push when Tether's Markdown changed (docs/adr/0007-rich-text.md).
 * Jira's current value and the new Markdown are cut into top-level blocks and each block is
 * keyed by its Markdown. Blocks whose Markdown is unchanged (or only moved) keep Jira's original, so mentions,
 * media, status lozenges, colours and macros in blocks nobody edited survive the push; only
 * added or edited blocks are converted from Markdown.
 */
export function mergeDescriptionForPush(previous: RichText | null, markdown: string, kind: RichTextKind): RichText {
  if (previous === null || previous.kind !== kind) return markdownToRichText(markdown, kind);
  if (previous.kind === "adf") {
    const before = adfBlocks(previous.doc).map((node) => keyed(node, adfToMarkdown(adfDocument([node]))));
    const after = adfBlocks(markdownToAdf(markdown)).map((node) => keyed(node, adfToMarkdown(adfDocument([node]))));
    return { kind: "adf", doc: adfDocument(mergeBlocks<AdfNode>(before, after)) };
  }
  const wikiKeyed = (text: string) => parseWikiBlocks(text).map((block) => keyed(block.raw, wikiToMarkdown(block.raw)));
  const merged = mergeBlocks<string>(wikiKeyed(previous.text), wikiKeyed(markdownToWiki(markdown)));
  return { kind: "wiki", text: merged.join("\n\n") };
}

type Keyed<T> = { key: string; value: T };

function keyed<T>(value: T, key: string): Keyed<T> {
  return { key, value };
}

/**
 * The new blocks in order; each one whose Markdown equals an old block's takes that old block
 * (each old block is used once, so moved blocks keep their originals and a duplicated block
 * keeps them only once).
 */
export function mergeBlocks<T>(before: Keyed<T>[], after: Keyed<T>[]): T[] {
  const unused = new Map<string, T[]>();
  for (const block of before) unused.set(block.key, [...(unused.get(block.key) ?? []), block.value]);
  return after.map((block) => unused.get(block.key)?.shift() ?? block.value);
}
