import schema from "@atlaskit/adf-schema/dist/json-schema/v1/full.json" with { type: "json" };
import Ajv from "ajv-draft-04";

/** The official ADF JSON schema (draft-04) from `@atlaskit/adf-schema`, for tests. */
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema as object);

/** The schema's complaints about a document; empty when Jira Cloud would accept it. */
export function adfSchemaErrors(doc: unknown): string[] {
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? ""}`.trim());
}
