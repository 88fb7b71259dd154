/**
 * Compares two JSON documents by shape — which keys an object has and which JSON type each
 * value is — not by value. Used to hold the simulator's webhook bodies to real captured ones.
 */
export type JsonType = "null" | "boolean" | "number" | "string" | "array" | "object";

export function jsonType(value: unknown): JsonType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  const type = typeof value;
  if (type === "boolean" || type === "number" || type === "string") return type;
  return "object";
}

export type ShapeOptions = {
  /**
   * Paths (dotted, `[]` for array elements) whose value depends on the state rather than
   * on the kind of change, so `null` on one side and a value on the other is not a difference
   * (e.g. `issue.fields.lastViewed`: null until someone has viewed the issue).
   */
  nullable?: readonly string[];
  /** Object paths whose keys are compared only where both sides have them (e.g. site-specific custom fields). */
  openKeys?: (path: string, key: string) => boolean;
};

/** Every difference in shape, as readable lines (empty when the shapes agree). */
export function shapeDifferences(actual: unknown, expected: unknown, options: ShapeOptions = {}, path = ""): string[] {
  const actualType = jsonType(actual);
  const expectedType = jsonType(expected);
  if (actualType !== expectedType) {
    const oneIsNull = actualType === "null" || expectedType === "null";
    if (oneIsNull && options.nullable?.includes(path)) return [];
    return [`${path || "(root)"}: ${actualType}, capture has ${expectedType}`];
  }
  if (actualType === "array") {
    const [first] = actual as unknown[];
    const [model] = expected as unknown[];
    if (first === undefined || model === undefined) return [];
    return shapeDifferences(first, model, options, `${path}[]`);
  }
  if (actualType !== "object") return [];
  const actualObject = actual as Record<string, unknown>;
  const expectedObject = expected as Record<string, unknown>;
  const open = (key: string) => options.openKeys?.(path, key) ?? false;
  const differences: string[] = [];
  for (const key of Object.keys(expectedObject)) {
    if (!(key in actualObject) && !open(key)) differences.push(`${join(path, key)}: missing`);
  }
  for (const key of Object.keys(actualObject)) {
    if (!(key in expectedObject)) {
      if (!open(key)) differences.push(`${join(path, key)}: not in the capture`);
      continue;
    }
    differences.push(...shapeDifferences(actualObject[key], expectedObject[key], options, join(path, key)));
  }
  return differences;
}

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}
