import type { PhrasingContent } from "mdast";
import type { AdfMark, AdfNode } from "./adf.ts";

/**
 * ADF inline nodes → mdast phrasing. Marks nest in one fixed order (link outermost, code
 * innermost) and neighbours that share a mark share one Markdown span. Marks Markdown cannot
 * hold (underline, colours, sub/superscript) are dropped; their text stays.
 */
const markOrder = ["link", "strong", "em", "strike", "code"] as const;
type KnownMark = (typeof markOrder)[number];

type Run = { node: AdfNode; marks: AdfMark[] };

export function adfInline(nodes: AdfNode[]): PhrasingContent[] {
  const runs: Run[] = nodes.map((node) => ({ node, marks: (node.marks ?? []).filter(isKnown) }));
  return wrap(runs, 0);
}

function isKnown(mark: AdfMark): boolean {
  return (markOrder as readonly string[]).includes(mark.type);
}

function wrap(runs: Run[], level: number): PhrasingContent[] {
  const markType = markOrder[level];
  if (markType === undefined) return runs.flatMap((run) => leaf(run.node));
  const out: PhrasingContent[] = [];
  let index = 0;
  while (index < runs.length) {
    const run = runs[index] as Run;
    const mark = run.marks.find((m) => m.type === markType);
    if (!mark) {
      const group = takeWhile(runs, index, (r) => !r.marks.some((m) => m.type === markType));
      out.push(...wrap(group, level + 1));
      index += group.length;
      continue;
    }
    const key = JSON.stringify(mark.attrs ?? {});
    const group = takeWhile(runs, index, (r) => r.marks.some((m) => m.type === markType && JSON.stringify(m.attrs ?? {}) === key));
    const inner = group.map((r) => ({ node: r.node, marks: r.marks.filter((m) => m.type !== markType) }));
    out.push(...applyMark(markType, mark, inner, level));
    index += group.length;
  }
  return out;
}

function applyMark(markType: KnownMark, mark: AdfMark, inner: Run[], level: number): PhrasingContent[] {
  if (markType === "code") {
    return [{ type: "inlineCode", value: inner.map((r) => r.node.text ?? "").join("") }];
  }
  const children = wrap(inner, level + 1);
  if (markType === "link") {
    const href = typeof mark.attrs?.href === "string" ? mark.attrs.href : "";
    return [{ type: "link", url: href, title: null, children }];
  }
  if (markType === "strong") return [{ type: "strong", children }];
  if (markType === "em") return [{ type: "emphasis", children }];
  return [{ type: "delete", children }];
}

function takeWhile(runs: Run[], from: number, test: (run: Run) => boolean): Run[] {
  const group: Run[] = [];
  for (let i = from; i < runs.length && test(runs[i] as Run); i++) group.push(runs[i] as Run);
  return group;
}

/** One inline node without marks; the rendering of nodes Markdown has no form for is stable. */
function leaf(node: AdfNode): PhrasingContent[] {
  const attrs = node.attrs ?? {};
  const text = (key: string): string | null => (typeof attrs[key] === "string" && attrs[key] !== "" ? (attrs[key] as string) : null);
  switch (node.type) {
    case "text":
      return [{ type: "text", value: node.text ?? "" }];
    case "hardBreak":
      return [{ type: "break" }];
    case "mention": {
      const name = text("text") ?? text("id") ?? "someone";
      return [{ type: "text", value: name.startsWith("@") ? name : `@${name}` }];
    }
    case "emoji":
      return [{ type: "text", value: text("text") ?? text("shortName") ?? "" }];
    case "status":
      return [{ type: "text", value: `[status: ${text("text") ?? ""}]` }];
    case "date": {
      const stamp = Number(attrs.timestamp);
      return [{ type: "text", value: Number.isFinite(stamp) ? new Date(stamp).toISOString().slice(0, 10) : "[date]" }];
    }
    case "inlineCard": {
      const url = text("url");
      return url ? [{ type: "link", url, title: null, children: [{ type: "text", value: url }] }] : [{ type: "text", value: "[card]" }];
    }
    case "placeholder":
      return [{ type: "text", value: text("text") ?? "" }];
    default:
      return [{ type: "text", value: node.content ? "" : `[${node.type}]` }, ...adfInline(node.content ?? [])];
  }
}
