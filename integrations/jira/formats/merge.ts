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
 * keyed by its Markdown. Blocks whose Markdown is unchanged keep Jira's original, so mentions,
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
 * The new blocks in order; each one that lines up with an unchanged old block (longest common
 * subsequence of keys, so moved or repeated blocks pair up in order) is replaced by the old one.
 */
export function mergeBlocks<T>(before: Keyed<T>[], after: Keyed<T>[]): T[] {
  const rows = before.length + 1;
  const cols = after.length + 1;
  const table: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number) => table[i * cols + j] ?? 0;
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      table[i * cols + j] = before[i]?.key === after[j]?.key ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (j < after.length) {
    const next = after[j] as Keyed<T>;
    if (i < before.length && before[i]?.key === next.key) {
      out.push((before[i] as Keyed<T>).value);
      i++;
      j++;
    } else if (i < before.length && at(i + 1, j) >= at(i, j + 1)) i++;
    else {
      out.push(next.value);
      j++;
    }
  }
  return out;
}
