/**
 * Escaping for Jira wiki markup. Brackets, braces, bars, `!` and `\` are always escaped; the
 * span markers `* _ - + ^ ~ ?` only where they could open or close a span (at a word edge),
 * so "e-mail" stays as it is. A line that would read as a block (`h1.`, `bq.`, `#`) is escaped.
 */
const alwaysSpecial = /[[\]{}|!\\]/;
const spanMarker = /[*_\-+^~?]/;
const wordChar = /[\p{L}\p{N}]/u;

export function escapeWikiText(text: string, insideMonospace = false): string {
  let out = "";
  const chars = [...text];
  chars.forEach((char, index) => {
    const before = chars[index - 1];
    const after = chars[index + 1];
    const atEdge = !before || !after || !wordChar.test(before) || !wordChar.test(after);
    const escape = alwaysSpecial.test(char) || (spanMarker.test(char) && (atEdge || insideMonospace));
    out += escape ? `\\${char}` : char;
  });
  return out.replace(/^(h[1-6]\.|bq\.|#)/gm, "\\$1");
}

/** Reverses `escapeWikiText`: a backslash makes the next character plain text. */
export function unescapeWikiText(text: string): string {
  return text.replace(/\\(.)/gs, "$1");
}
