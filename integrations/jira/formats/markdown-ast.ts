import type { Nodes, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown, gfmToMarkdown } from "mdast-util-gfm";
import { toMarkdown } from "mdast-util-to-markdown";
import { gfm } from "micromark-extension-gfm";

/**
 * Markdown as a syntax tree (mdast, GitHub Flavoured Markdown). Every converter in this folder
 * reads Markdown and writes it through these two functions, so Tether's Markdown always comes
 * out in one house style: `-` bullets, `*emphasis*`, `**strong**`, fenced code, `---` rules.
 */
export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

export function stringifyMarkdown(tree: Root): string {
  const text = toMarkdown(tree, {
    bullet: "-",
    bulletOther: "*",
    emphasis: "*",
    strong: "*",
    fence: "`",
    fences: true,
    rule: "-",
    listItemIndent: "one",
    incrementListMarker: true,
    extensions: [gfmToMarkdown({ tablePipeAlign: false })],
  });
  // A GitHub alert marker (`> [!NOTE]`) is how panels show; keep it readable, not `\\[!NOTE]`.
  return text.replace(/^((?:> ?)+)\\\[!([A-Z]+)\]$/gm, "$1[!$2]").trimEnd();
}

/** Inline nodes whose text is literal (code) keep their whitespace; everything else is prose. */
export function isLiteral(node: Nodes): boolean {
  return node.type === "code" || node.type === "inlineCode" || node.type === "html";
}
