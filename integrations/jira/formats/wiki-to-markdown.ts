import type { Root } from "mdast";
import { stringifyMarkdown } from "./markdown-ast.ts";
import { normaliseMarkdown } from "./normalise.ts";
import { parseWikiBlocks } from "./wiki-blocks.ts";

/** Jira wiki markup → Markdown, in the canonical spelling of `normaliseMarkdown`. */
export function wikiToMarkdown(wiki: string): string {
  const tree: Root = { type: "root", children: parseWikiBlocks(wiki).flatMap((block) => block.nodes) };
  return normaliseMarkdown(stringifyMarkdown(tree));
}
