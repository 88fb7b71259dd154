import { z } from "zod";

type JsonSchema = {
  type?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  minLength?: number;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

/** Known-good values by field name, where a schema alone cannot say what the server will accept. */
export type SampleOverrides = Record<string, unknown>;

export const toJsonSchema = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;

/** A valid-looking value for a (JSON) schema: the starting point that the fuzzer mutates. */
export function sampleOf(schema: JsonSchema, overrides: SampleOverrides, name = ""): unknown {
  if (name in overrides) return overrides[name];
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice) return sampleOf(choice.find((option) => option.type !== "null") ?? choice[0] ?? {}, overrides, name);
  switch (schema.type) {
    case "object":
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, sampleOf(value, overrides, key)]));
    case "array":
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sampleOf(schema.items ?? {}, overrides, name));
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return true;
    case "string":
      return sampleString(schema);
    default:
      return schema.default ?? "sample";
  }
}

function sampleString(schema: JsonSchema): string {
  switch (schema.format) {
    case "uuid":
      return "00000000-0000-4000-8000-000000000000";
    case "email":
      return "fuzz@example.test";
    case "date":
      return "2030-01-31";
    case "date-time":
      return "2030-01-31T10:00:00.000Z";
    case "uri":
      return "http://127.0.0.1:9";
    default:
      return "sample text".padEnd(schema.minLength ?? 0, "x");
  }
}

/** Every path to a leaf (and to each container) inside a sample, for replacing one value at a time. */
export function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const own = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) return [...own, ...value.flatMap((item, index) => pathsOf(item, [...prefix, index]))];
  if (value !== null && typeof value === "object") {
    return [...own, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
  }
  return own;
}

export function withValueAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head] = withValueAt(copy[head], rest, replacement);
  return copy;
}
