import { beforeAll, describe, expect, it } from "vitest";
import { errorStatus } from "../errors.ts";
import { buildOpenApiDocument } from "../testing/openapi-document.ts";
import { describeFindings, type LintFinding, lintOpenApi } from "../testing/spectral.ts";

/**
 * The OpenAPI document of /api/v1 as integrators get it: Spectral's `spectral:oas` ruleset plus
 * the house rules in .spectral.yaml, 0 errors and 0 warnings. A route added without an
 * operationId, tags, a description, a request-body example or documented error codes fails
 * here with its method, path and what is missing.
 */
type Operation = { operationId?: string; responses?: Record<string, { description?: string }> };
type Document = { paths: Record<string, Record<string, Operation>> };

/** What a route looks like when it says nothing about itself: the lint must name each gap. */
const undocumented = {
  openapi: "3.1.0",
  info: { title: "Undocumented", version: "1", description: "A route added without metadata.", contact: { name: "test" } },
  servers: [{ url: "/api/v1" }],
  tags: [{ name: "things", description: "Things" }],
  paths: {
    "/things": {
      post: {
        summary: "Make a thing",
        requestBody: { content: { "application/json": { schema: { type: "object" } } } },
        responses: { "201": { description: "Made" }, "500": { description: "Broken" } },
      },
    },
  },
};

describe("the OpenAPI document of /api/v1", () => {
  let document: Document;
  let findings: LintFinding[];
  beforeAll(async () => {
    document = (await buildOpenApiDocument()) as Document;
    findings = await lintOpenApi({ tether: document, undocumented });
  }, 120_000);

  it("passes spectral:oas and the house rules with no error and no warning", () => {
    const ours = findings.filter((finding) => finding.document === "tether");
    expect(describeFindings(ours), "fix each operation named below; tags are declared in apiTags (server/http/openapi.ts); see docs/API.md").toBe("");
  });

  it("names the operation and what is missing when a route says nothing about itself", () => {
    const theirs = findings.filter((finding) => finding.document === "undocumented");
    const rules = new Set(theirs.map((finding) => finding.rule));
    for (const rule of [
      "operation-operationId",
      "operation-description",
      "operation-tags",
      "tether-operation-documented",
      "tether-request-body-example",
      "tether-error-response-documented",
      "tether-error-codes-named",
    ]) {
      expect(rules, rule).toContain(rule);
    }
    expect(theirs.every((finding) => finding.where.startsWith("POST /things (no operationId)"))).toBe(true);
  });

  it("documents only error codes the server has, under the status it answers them with", () => {
    const wrong: string[] = [];
    for (const [route, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(operation.responses ?? {})) {
          if (!/^[45]/.test(status)) continue;
          // "(code: a or b)", "(codes: a, b, c; details.x …)": the codes come before any ";".
          const named = /\(codes?: ([^;)]*)/.exec(response.description ?? "")?.[1] ?? "";
          for (const code of named.split(/,\s*|\s+or\s+/).map((word) => word.trim())) {
            const known = errorStatus[code as keyof typeof errorStatus];
            if (String(known) !== status) wrong.push(`${method.toUpperCase()} ${route} ${status}: ${code} is ${known ?? "not an error code"}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("gives every operation a unique operationId", () => {
    const ids = Object.values(document.paths).flatMap((operations) => Object.values(operations).map((operation) => operation.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
