import { JqlSyntaxError } from "./errors.ts";
import type { JqlPosition } from "./types.ts";

export type TokenKind = "word" | "string" | "operator" | "lparen" | "rparen" | "comma" | "and" | "or" | "not" | "eof";

/** `text` is the value (unescaped for strings); `raw` is how it looked in the query. */
export type Token = { kind: TokenKind; text: string; raw: string; position: JqlPosition };

/** Characters Jira refuses outside quotes (its lexer's RESERVED_CHARS). */
const RESERVED_CHARS = new Set(["{", "}", "*", "/", "%", "+", "^", "$", "#", "@", "?", ";", "[", "]"]);
/** Characters that end an unquoted word. */
const WORD_STOP = new Set(["=", "!", "<", ">", "~", "(", ")", ",", '"', "'", "&", "|"]);
const OPERATORS = ["!=", ">=", "<=", "!~", "=", ">", "<", "~"] as const;

export function syntaxError(message: string, position: JqlPosition | null, cause?: unknown): JqlSyntaxError {
  const where = position ? ` (line ${position.line}, character ${position.character})` : "";
  return new JqlSyntaxError([`Error in the JQL Query: ${message}${where}`], cause === undefined ? undefined : { cause });
}

function escapeFor(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

const ESCAPES: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r", '"': '"', "'": "'", "\\": "\\", " ": " " };

/** Splits JQL text into tokens, tracking Jira's 1-based line/character positions. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  let line = 1;
  let lineStart = 0;
  const positionAt = (at: number): JqlPosition => ({ line, character: at - lineStart + 1 });

  const readEscape = (start: number): { value: string; length: number } => {
    const next = text[index + 1];
    if (next === "u") {
      const hex = text.slice(index + 2, index + 6);
      if (/^[0-9a-fA-F]{4}$/.test(hex)) return { value: String.fromCharCode(parseInt(hex, 16)), length: 6 };
    } else if (next !== undefined && ESCAPES[next] !== undefined) {
      return { value: ESCAPES[next], length: 2 };
    }
    const shown = text.slice(index, index + 2);
    throw syntaxError(`Illegal escape sequence '${shown}' in the JQL query.`, positionAt(start));
  };

  while (index < text.length) {
    const char = text[index] as string;
    if (char === "\n") {
      index += 1;
      line += 1;
      lineStart = index;
      continue;
    }
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    const start = index;
    const position = positionAt(start);
    if (char === '"' || char === "'") {
      let value = "";
      index += 1;
      for (;;) {
        const inner = text[index];
        if (inner === undefined) throw syntaxError(`The quoted string '${value}' has not been completed.`, position);
        if (inner === char) break;
        if (inner === "\\") {
          const escape = readEscape(index);
          value += escape.value;
          index += escape.length;
          continue;
        }
        value += inner;
        index += 1;
      }
      index += 1;
      tokens.push({ kind: "string", text: value, raw: text.slice(start, index), position });
      continue;
    }
    if (char === "(" || char === ")" || char === ",") {
      tokens.push({ kind: char === "(" ? "lparen" : char === ")" ? "rparen" : "comma", text: char, raw: char, position });
      index += 1;
      continue;
    }
    if (char === "&" || char === "|") {
      const doubled = text[index + 1] === char ? 2 : 1;
      const raw = text.slice(index, index + doubled);
      tokens.push({ kind: char === "&" ? "and" : "or", text: raw, raw, position });
      index += doubled;
      continue;
    }
    const operator = OPERATORS.find((candidate) => text.startsWith(candidate, index));
    if (operator) {
      tokens.push({ kind: "operator", text: operator, raw: operator, position });
      index += operator.length;
      continue;
    }
    if (char === "!") {
      tokens.push({ kind: "not", text: "!", raw: "!", position });
      index += 1;
      continue;
    }
    let value = "";
    while (index < text.length) {
      const inner = text[index] as string;
      if (/\s/.test(inner) || WORD_STOP.has(inner)) break;
      if (inner === "\\") {
        const escape = readEscape(index);
        value += escape.value;
        index += escape.length;
        continue;
      }
      // `cf[10014]` is the one place brackets are part of a bare word.
      if (inner === "[" && value.toLowerCase() === "cf") {
        const close = text.indexOf("]", index);
        if (close > index && /^\[\d+\]$/.test(text.slice(index, close + 1))) {
          value += text.slice(index, close + 1);
          index = close + 1;
          continue;
        }
      }
      if (RESERVED_CHARS.has(inner)) {
        throw syntaxError(
          `The character '${inner}' is a reserved JQL character. You must enclose it in a string or use the escape '${escapeFor(inner)}' instead.`,
          positionAt(index),
        );
      }
      value += inner;
      index += 1;
    }
    tokens.push({ kind: "word", text: value, raw: text.slice(start, index), position });
  }
  tokens.push({ kind: "eof", text: "", raw: "", position: positionAt(index) });
  return tokens;
}
