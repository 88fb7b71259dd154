import type { PhrasingContent } from "mdast";
import { unescapeWikiText } from "./wiki-escape.ts";

/**
 * Jira wiki inline markup → mdast phrasing: `*strong*`, `_emphasis_`, `-strike-`, `{{code}}`,
 * `{*}x{*}` (inside words), `[label|url]`, `[url]`, `[~user]` (→ `@user`), `!image.png!`, `\\` line breaks and `\x`
 * escapes. `+underline+`, `^sup^`, `~sub~`, `??cite??` and `{color}` keep only their text.
 */
const spans: Record<string, "strong" | "emphasis" | "delete" | "plain"> = {
  "*": "strong",
  _: "emphasis",
  "-": "delete",
  "+": "plain",
  "^": "plain",
  "~": "plain",
  "?": "emphasis",
};
const wordChar = /[\p{L}\p{N}]/u;

export function parseWikiInline(source: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let text = "";
  const flush = () => {
    if (text !== "") out.push({ type: "text", value: text });
    text = "";
  };
  let i = 0;
  while (i < source.length) {
    const char = source[i] as string;
    const rest = source.slice(i);
    if (rest.startsWith("\\\\")) {
      flush();
      out.push({ type: "break" });
      i += 2;
      while (source[i] === " ") i++;
    } else if (char === "\\" && i + 1 < source.length) {
      text += source[i + 1];
      i += 2;
    } else if (char === "\n") {
      flush();
      out.push({ type: "break" });
      i += 1;
    } else if (rest.startsWith("{{") && findClose(source, i + 2, "}}") > 0) {
      const end = findClose(source, i + 2, "}}");
      flush();
      out.push({ type: "inlineCode", value: unescapeWikiText(source.slice(i + 2, end)) });
      i = end + 2;
    } else if (/^\{([*_\-+^~]|\?\?)\}/.test(rest) && source.indexOf(rest.slice(0, rest.indexOf("}") + 1), i + 3) > 0) {
      const marker = rest.slice(0, rest.indexOf("}") + 1);
      const end = source.indexOf(marker, i + marker.length);
      flush();
      out.push(...span(marker.slice(1, 2), parseWikiInline(source.slice(i + marker.length, end))));
      i = end + marker.length;
    } else if (/^\{color(:[^}]*)?\}/.test(rest)) {
      i += (/^\{color(:[^}]*)?\}/.exec(rest)?.[0] ?? "").length;
    } else if (char === "[" && findClose(source, i + 1, "]") > 0) {
      const end = findClose(source, i + 1, "]");
      flush();
      out.push(...bracket(source.slice(i + 1, end)));
      i = end + 1;
    } else if (char === "!" && imageEnd(source, i) > 0) {
      const end = imageEnd(source, i);
      flush();
      out.push(image(source.slice(i + 1, end)));
      i = end + 1;
    } else if (char in spans && opens(source, i)) {
      const marker = char === "?" ? "??" : char;
      const end = closeOfSpan(source, i + marker.length, marker);
      if (end < 0) {
        text += char;
        i += 1;
        continue;
      }
      flush();
      out.push(...span(char, parseWikiInline(source.slice(i + marker.length, end))));
      i = end + marker.length;
    } else {
      text += char;
      i += 1;
    }
  }
  flush();
  return out;
}

function span(marker: string, children: PhrasingContent[]): PhrasingContent[] {
  const kind = spans[marker];
  if (kind === undefined || kind === "plain") return children;
  return [{ type: kind, children } as PhrasingContent];
}

/** Index of the next unescaped `close` at or after `from`, or -1. */
function findClose(source: string, from: number, close: string): number {
  for (let j = from; j < source.length; j++) {
    if (source[j] === "\\") j++;
    else if (source.startsWith(close, j)) return j;
    else if (source[j] === "\n") return -1;
  }
  return -1;
}

function opens(source: string, at: number): boolean {
  const char = source[at] as string;
  const marker = char === "?" ? "??" : char;
  if (!source.startsWith(marker, at)) return false;
  const before = source[at - 1];
  const after = source[at + marker.length];
  return (before === undefined || !wordChar.test(before)) && after !== undefined && !/\s/.test(after) && after !== char;
}

function closeOfSpan(source: string, from: number, marker: string): number {
  for (let j = from; j < source.length; j++) {
    if (source[j] === "\\") {
      j++;
      continue;
    }
    if (source[j] === "\n") return -1;
    if (j === from || !source.startsWith(marker, j)) continue;
    const before = source[j - 1] as string;
    const after = source[j + marker.length];
    if (!/\s/.test(before) && (after === undefined || !wordChar.test(after))) return j;
  }
  return -1;
}

function bracket(inner: string): PhrasingContent[] {
  if (inner.startsWith("~")) return [{ type: "text", value: `@${unescapeWikiText(inner.slice(1)).replace(/^accountid:/, "")}` }];
  const bar = findClose(inner, 0, "|");
  const url = (bar >= 0 ? inner.slice(bar + 1) : inner).trim();
  if (!/^([a-z][a-z0-9+.-]*:|#|\/)/i.test(url)) return [{ type: "text", value: `[${unescapeWikiText(inner)}]` }];
  const label = bar >= 0 ? parseWikiInline(inner.slice(0, bar)) : [{ type: "text" as const, value: url }];
  return [{ type: "link", url, title: null, children: label }];
}

function imageEnd(source: string, at: number): number {
  const end = findClose(source, at + 1, "!");
  if (end <= at + 1) return -1;
  const body = source.slice(at + 1, end);
  return /^\S[^\s|]*\.[a-z0-9]+(\|.*)?$|^[a-z]+:\/\/\S+$/i.test(body) ? end : -1;
}

function image(body: string): PhrasingContent {
  const [url = "", ...options] = body.split("|");
  const alt = options.join(",").split(",").find((option) => option.trim().startsWith("alt="));
  return { type: "image", url, alt: alt ? alt.trim().slice(4) : null, title: null };
}
