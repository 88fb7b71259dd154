import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

type OpenApiDoc = { paths: Record<string, Record<string, OpenApiOperation>>; components: unknown };
type OpenApiOperation = {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};

const repoRoot = path.resolve(import.meta.dirname, "../../..");

/** CI sets this to 1: there a missing shared folder fails the checks that need it instead of skipping them. */
export const REQUIRE_SHARED_ENV = "TETHER_REQUIRE_SHARED";

export function sharedRequired(): boolean {
  return process.env[REQUIRE_SHARED_ENV] === "1";
}

/** Names a folder holding the shared Jira material when it is not `../shared` beside the repository. */
export const SHARED_DIR_ENV = "TETHER_SHARED_DIR";

/**
 * A folder of the shared Jira material: in the folder named by TETHER_SHARED_DIR when set, else in
 * `../shared` beside the repository, recognised by a file it must hold, so that an empty or
 * half-copied folder does not count.
 */
export function sharedDirectory(folder: string, marker: string): string | null {
  const fromEnv = process.env[SHARED_DIR_ENV];
  const candidates = [...(fromEnv ? [path.resolve(fromEnv, folder)] : []), path.resolve(repoRoot, "../shared", folder)];
  return candidates.find((candidate) => existsSync(path.join(candidate, marker))) ?? null;
}

/**
 * Whether checks needing `what` should skip: only when it is absent and not required. Says so, so a
 * developer without ../shared sees which checks did not run.
 */
export function skipWithoutShared(directory: string | null, what: string): boolean {
  if (directory !== null || sharedRequired()) return false;
  console.warn(`${what} not found (expected ../shared beside the repo, or ${SHARED_DIR_ENV}): skipping the checks that need them. Set ${REQUIRE_SHARED_ENV}=1 to make this a failure.`);
  return true;
}

/** The folder, or an error naming what is missing (used where the checks must run). */
export function requireShared(directory: string | null, what: string): string {
  if (directory !== null) return directory;
  throw new Error(`${what} not found (expected ../shared beside the repo, or ${SHARED_DIR_ENV}) and ${REQUIRE_SHARED_ENV}=1: these checks must run.`);
}

export const OPENAPI_DOCUMENTS = "Jira OpenAPI documents";

/** Where Atlassian's OpenAPI documents live (see sharedDirectory). */
export function openApiDirectory(): string | null {
  return sharedDirectory("jira-openapi", "cloud-platform-v3.json");
}

export type ValidationResult = { ok: true } | { ok: false; errors: string };

/**
 * Validates simulator traffic against the Cloud OpenAPI documents (platform v3 + software agile).
 * OpenAPI 3.0 schemas are JSON Schema plus `nullable`, which Ajv understands; component refs are
 * rewritten to point at a registered components schema per document.
 */
export class JiraOpenApi {
  private readonly ajv: Ajv;
  private readonly docs: { id: string; doc: OpenApiDoc; templates: { template: string; pattern: RegExp; params: number }[] }[] = [];
  private readonly compiled = new Map<string, ValidateFunction | null>();

  constructor(directory: string) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, ownProperties: true });
    addFormats(this.ajv);
    for (const [id, file] of [["platform", "cloud-platform-v3.json"], ["agile", "cloud-software-agile.json"]] as const) {
      const doc = JSON.parse(readFileSync(path.join(directory, file), "utf8")) as OpenApiDoc;
      this.ajv.addSchema(this.rewriteRefs(id, { components: doc.components }) as object, id);
      const templates = Object.keys(doc.paths).map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`),
        params: (template.match(/\{/g) ?? []).length,
      }));
      templates.sort((a, b) => a.params - b.params);
      this.docs.push({ id, doc, templates });
    }
  }

  private rewriteRefs(id: string, value: unknown): unknown {
    return JSON.parse(JSON.stringify(value).replaceAll('"$ref":"#/components/', `"$ref":"${id}#/components/`)) as unknown;
  }

  /** The documented operation for a concrete request (REST v2 paths are checked against v3). */
  operation(method: string, concretePath: string): { docId: string; template: string; operation: OpenApiOperation } | null {
    const normalised = concretePath.replace(/^\/rest\/api\/2\//, "/rest/api/3/").split("?")[0] ?? "";
    for (const { id, doc, templates } of this.docs) {
      for (const { template, pattern } of templates) {
        const operation = pattern.test(normalised) ? doc.paths[template]?.[method.toLowerCase()] : undefined;
        if (operation) return { docId: id, template, operation };
      }
    }
    return null;
  }

  private validator(key: string, docId: string, schema: unknown): ValidateFunction | null {
    if (this.compiled.has(key)) return this.compiled.get(key) ?? null;
    const validate = schema && typeof schema === "object" && Object.keys(schema).length > 0 ? this.ajv.compile(this.rewriteRefs(docId, schema) as object) : null;
    this.compiled.set(key, validate);
    return validate;
  }

  private run(validate: ValidateFunction | null, body: unknown): ValidationResult {
    if (!validate || validate(body)) return { ok: true };
    return { ok: false, errors: this.ajv.errorsText(validate.errors, { separator: "\n" }) };
  }

  validateResponse(method: string, concretePath: string, status: number, body: unknown): ValidationResult & { documented: boolean } {
    const found = this.operation(method, concretePath);
    if (!found) return { ok: true, documented: false };
    const response = found.operation.responses?.[String(status)] ?? found.operation.responses?.default;
    const schema = response?.content?.["application/json"]?.schema;
    const key = `${found.docId} ${method} ${found.template} ${status}`;
    return { ...this.run(this.validator(key, found.docId, schema), body), documented: response !== undefined };
  }

  validateRequest(method: string, concretePath: string, body: unknown): ValidationResult & { documented: boolean } {
    const found = this.operation(method, concretePath);
    if (!found) return { ok: true, documented: false };
    const schema = found.operation.requestBody?.content?.["application/json"]?.schema;
    const key = `${found.docId} ${method} ${found.template} request`;
    return { ...this.run(this.validator(key, found.docId, schema), body), documented: true };
  }

  /** Jira's error body. */
  validateErrorCollection(body: unknown): ValidationResult {
    return this.run(this.validator("platform ErrorCollection", "platform", { $ref: "#/components/schemas/ErrorCollection" }), body);
  }
}
