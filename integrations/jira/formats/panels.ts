import type { AdfNode } from "./adf.ts";

/**
 * Panels (info, note, warning, error, success) show in Markdown as a quote whose first
 * paragraph is a GitHub-style alert marker, `> [!WARNING]`, and come back as the same panel.
 */
export const panelTypes = ["info", "note", "warning", "error", "success"] as const;
type PanelType = (typeof panelTypes)[number];

/** What a panel may hold in ADF; anything else keeps the quote a quote. */
const panelContent = new Set(["paragraph", "heading", "bulletList", "orderedList", "codeBlock", "taskList", "rule"]);

export function panelMarker(panelType: unknown): string {
  const known = panelTypes.find((type) => type === panelType);
  return `[!${(known ?? "info").toUpperCase()}]`;
}

export function panelFromQuote(quote: AdfNode): AdfNode | null {
  const [first, ...rest] = quote.content ?? [];
  const only = first?.type === "paragraph" && first.content?.length === 1 ? first.content[0] : undefined;
  const match = only?.type === "text" && only.marks === undefined ? /^\[!([A-Z]+)\]$/.exec(only.text ?? "") : null;
  const panelType = panelTypes.find((type) => type.toUpperCase() === match?.[1]) as PanelType | undefined;
  if (!panelType || rest.length === 0 || !rest.every((node) => panelContent.has(node.type))) return null;
  return { type: "panel", attrs: { panelType }, content: rest };
}
