import { describe, expect, it } from "vitest";
import { JiraOpenApi, openApiDirectory } from "./openapi-validator.ts";

const directory = openApiDirectory();

describe.skipIf(!directory)("the OpenAPI validator used by the conformance tests", () => {
  const spec = new JiraOpenApi(directory ?? "");

  it("rejects properties the document does not define and wrong types", () => {
    expect(spec.validateResponse("GET", "/rest/api/3/myself", 200, { accountId: "a", locale: "en_US" }).ok).toBe(true);
    expect(spec.validateResponse("GET", "/rest/api/3/myself", 200, { accountId: "a", shoeSize: 42 }).ok).toBe(false);
    expect(spec.validateResponse("GET", "/rest/api/3/issue/TETH-1", 200, { id: 10001 }).ok).toBe(false);
    expect(spec.validateResponse("POST", "/rest/api/3/search/jql", 200, { issues: [], isLast: true, total: 3 }).ok).toBe(false);
  });

  it("maps REST v2 and Agile paths to their documented operations", () => {
    expect(spec.operation("GET", "/rest/api/2/issue/TETH-1/transitions")?.template).toBe("/rest/api/3/issue/{issueIdOrKey}/transitions");
    expect(spec.operation("POST", "/rest/agile/1.0/sprint/3/issue")?.docId).toBe("agile");
    expect(spec.operation("GET", "/rest/api/3/not-a-thing")).toBeNull();
  });

  it("checks request bodies and Jira's error collection", () => {
    expect(spec.validateRequest("POST", "/rest/api/3/issue/bulkfetch", { issueIdsOrKeys: ["A-1"] }).ok).toBe(true);
    expect(spec.validateRequest("POST", "/rest/api/3/issue/bulkfetch", { keys: ["A-1"] }).ok).toBe(false);
    expect(spec.validateErrorCollection({ errorMessages: ["x"], errors: {} }).ok).toBe(true);
    expect(spec.validateErrorCollection({ message: "x" }).ok).toBe(false);
  });
});
