/**
 * Inputs that broke or could break a server that trusts its schemas: characters PostgreSQL refuses,
 * dates and numbers at the edges of its types, wrong JSON types, injection-shaped text.
 */
export const nastyStrings = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfff",
  "\udc00\ud800",
  "😀",
  "0000-01-01",
  "0000-01-01T00:00:00Z",
  "9999-12-31",
  "2024-02-30",
  "NaN",
  "-1",
  "99999999999999999999",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "' OR '1'='1' --",
  "x".repeat(3000),
];

export const nastyValues: unknown[] = [
  ...nastyStrings,
  0,
  -1,
  1.5,
  2147483648,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  null,
  true,
  [],
  {},
  ["\u0000"],
  { "\u0000": "\ud800" },
];

/** Whole bodies that are not what any route expects. */
export const nastyBodies = ["null", "[]", '"text"', "1", "{}", '{"a":'.repeat(200) + "1" + "}".repeat(200), "\u0000", '{"__proto__":{"x":1}}'];

/** A small deterministic PRNG (mulberry32), so a failing input can be reproduced from the seed. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const alphabet = ["\u0000", "\ud800", "\udfff", "'", '"', "\\", "%", "0", "9", "-", ":", "T", "Z", "é", "😀", " ", "\n", "{"];

/** A string close to `text`: a character inserted, replaced or removed, or the text cut or repeated. */
export function mutateString(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const char = alphabet[Math.floor(next() * alphabet.length)] ?? "";
  switch (Math.floor(next() * 5)) {
    case 0:
      return text.slice(0, at) + char + text.slice(at);
    case 1:
      return text.slice(0, at) + char + text.slice(at + 1);
    case 2:
      return text.slice(0, at) + text.slice(at + 1);
    case 3:
      return text.slice(0, at);
    default:
      return text.repeat(2 + Math.floor(next() * 3));
  }
}
