import type { BlockContent, List, ListItem, RootContent, Table } from "mdast";
import { parseWikiInline } from "./wiki-inline.ts";

/** One top-level block of wiki markup: its source text and what it means as Markdown. */
export type WikiBlock = { raw: string; nodes: RootContent[] };

const heading = /^\s*h([1-6])\.\s*(.*)$/;
const quoteLine = /^\s*bq\.\s+(.*)$/;
const rule = /^\s*-{4,}\s*$/;
const listLine = /^\s*([*#]+|-)\s+(.*)$/;
const tableLine = /^\s*\|/;
const fenced = /^\s*\{(code|noformat|quote|panel)((?::[^}]*)?)\}(.*)$/;

/**
 * Jira wiki markup → blocks (line based, the way Jira reads it): `h1.`–`h6.`, `bq.`, `----`,
 * `*`/`#`/`-` lists (mixed nesting such as `#*`), `||header||` and `|cell|` tables,
 * `{code:lang}`, `{noformat}`, `{quote}` and `{panel}` (a quote here), paragraphs.
 */
export function parseWikiBlocks(wiki: string): WikiBlock[] {
  const lines = wiki.replace(/\r\n?/g, "\n").split("\n");
  const out: WikiBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (line.trim() === "") {
      i++;
      continue;
    }
    const start = i;
    const nodes = readBlock(lines, i, (next) => (i = next));
    out.push({ raw: lines.slice(start, i).join("\n"), nodes });
  }
  return out;
}

function readBlock(lines: string[], at: number, moveTo: (next: number) => void): RootContent[] {
  const line = lines[at] as string;
  const fence = fenced.exec(line);
  if (fence) return readFenced(lines, at, fence, moveTo);
  moveTo(at + 1);
  const h = heading.exec(line);
  if (h) return [{ type: "heading", depth: Number(h[1]) as 1, children: parseWikiInline(h[2] ?? "") }];
  const bq = quoteLine.exec(line);
  if (bq) return [{ type: "blockquote", children: [{ type: "paragraph", children: parseWikiInline(bq[1] ?? "") }] }];
  if (rule.test(line)) return [{ type: "thematicBreak" }];
  if (tableLine.test(line)) {
    let end = at + 1;
    while (end < lines.length && tableLine.test(lines[end] as string)) end++;
    moveTo(end);
    return [table(lines.slice(at, end))];
  }
  let end = at + 1;
  while (end < lines.length && (lines[end] as string).trim() !== "" && !startsBlock(lines[end] as string, listLine.test(line))) end++;
  moveTo(end);
  if (listLine.test(line)) return lists(lines.slice(at, end));
  return [{ type: "paragraph", children: parseWikiInline(lines.slice(at, end).map((l) => l.trim()).join("\n")) }];
}

function startsBlock(line: string, inList: boolean): boolean {
  return heading.test(line) || quoteLine.test(line) || rule.test(line) || tableLine.test(line) || fenced.test(line) || (!inList && listLine.test(line));
}

function readFenced(lines: string[], at: number, fence: RegExpExecArray, moveTo: (next: number) => void): RootContent[] {
  const [, name = "", params = ""] = fence;
  const closing = `{${name}}`;
  const body: string[] = [];
  let rest = fence[3] ?? "";
  let index = at;
  for (;;) {
    const close = rest.indexOf(closing);
    if (close >= 0) {
      body.push(rest.slice(0, close));
      break;
    }
    body.push(rest);
    index++;
    if (index >= lines.length) break;
    rest = lines[index] as string;
  }
  moveTo(Math.min(index + 1, lines.length));
  const text = body.join("\n").replace(/^\n/, "").replace(/\n$/, "");
  if (name === "code" || name === "noformat") return [{ type: "code", lang: name === "code" ? language(params) : null, meta: null, value: text }];
  const inner = parseWikiBlocks(text).flatMap((block) => block.nodes) as BlockContent[];
  return [{ type: "blockquote", children: inner }];
}

/** `{code:ts}`, `{code:language=ts|title=x}`; `{code}` alone has no language. */
function language(params: string): string | null {
  const parts = params.replace(/^:/, "").split("|").map((part) => part.trim());
  const named = parts.find((part) => part.startsWith("language="));
  if (named) return named.slice("language=".length) || null;
  return parts.find((part) => part !== "" && !part.includes("=")) ?? null;
}

function table(lines: string[]): Table {
  const rows = lines.map((line) => cells(line.trim()));
  const width = Math.max(...rows.map((row) => row.length));
  return {
    type: "table",
    align: Array.from({ length: width }, () => null),
    children: rows.map((row) => ({
      type: "tableRow",
      children: Array.from({ length: width }, (_, index) => ({ type: "tableCell", children: parseWikiInline((row[index] ?? "").trim()) })),
    })),
  };
}

/** Splits `||a||b||` / `|a|[x|y]|` on bars outside links, code and escapes. */
function cells(line: string): string[] {
  const out: string[] = [];
  let current = "";
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const char = line[i] as string;
    if (char === "\\" && i + 1 < line.length) {
      current += char + line[i + 1];
      i++;
    } else if (char === "[" || line.startsWith("{{", i)) {
      depth++;
      current += char;
    } else if ((char === "]" || line.startsWith("}}", i)) && depth > 0) {
      depth--;
      current += char;
    } else if (char === "|" && depth === 0) {
      out.push(current);
      current = "";
      while (line[i + 1] === "|") i++;
    } else current += char;
  }
  out.push(current);
  return out.slice(1, current.trim() === "" ? -1 : undefined);
}

type Entry = { markers: string; text: string };

function lists(lines: string[]): RootContent[] {
  const entries: Entry[] = [];
  for (const line of lines) {
    const match = listLine.exec(line);
    if (match) entries.push({ markers: match[1] === "-" ? "*" : (match[1] ?? "*"), text: match[2] ?? "" });
    else if (entries.length > 0) (entries[entries.length - 1] as Entry).text += `\n${line.trim()}`;
  }
  return build(entries, 0);
}

function build(entries: Entry[], level: number): List[] {
  const out: List[] = [];
  let k = 0;
  while (k < entries.length) {
    const entry = entries[k] as Entry;
    let j = k + 1;
    while (j < entries.length && (entries[j] as Entry).markers.length > level + 1) j++;
    const ordered = entry.markers[level] === "#";
    let list = out[out.length - 1];
    if (!list || list.ordered !== ordered) {
      list = { type: "list", ordered, start: ordered ? 1 : null, spread: false, children: [] };
      out.push(list);
    }
    const own = entry.markers.length === level + 1;
    const nested = build(entries.slice(own ? k + 1 : k, j), level + 1);
    list.children.push(item(own ? entry.text : null, nested));
    k = j;
  }
  return out;
}

function item(text: string | null, nested: List[]): ListItem {
  const task = text === null ? null : /^\\?\[([ xX])\\?\]\s+/.exec(text);
  const body = task ? (text as string).slice(task[0].length) : text;
  const paragraph: BlockContent[] = body === null ? [] : [{ type: "paragraph", children: parseWikiInline(body) }];
  return { type: "listItem", spread: false, checked: task ? task[1] !== " " : null, children: [...paragraph, ...nested] };
}
