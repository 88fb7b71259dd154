import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { JiraOpenApi, OPENAPI_DOCUMENTS, openApiDirectory, REQUIRE_SHARED_ENV, requireShared, SHARED_DIR_ENV, sharedDirectory, skipWithoutShared } from "./openapi-validator.ts";

const directory = openApiDirectory();

describe("finding ../shared: developers may skip, CI (TETHER_REQUIRE_SHARED=1) may not", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("skips, saying so, only when the folder is absent and not required", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    vi.stubEnv(REQUIRE_SHARED_ENV, "");
    expect(skipWithoutShared(null, "Widgets")).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("Widgets not found"));
    expect(skipWithoutShared("/somewhere", "Widgets")).toBe(false);
    vi.stubEnv(REQUIRE_SHARED_ENV, "1");
    expect(skipWithoutShared(null, "Widgets")).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("fails with a message naming what is missing when it is required", () => {
    expect(() => requireShared(null, "Widgets")).toThrow(/Widgets not found .*TETHER_REQUIRE_SHARED=1/);
    expect(requireShared("/somewhere", "Widgets")).toBe("/somewhere");
    expect(sharedDirectory("jira-openapi", "no-such-marker.json")).toBeNull();
  });

  it("also looks in the folder named by TETHER_SHARED_DIR, and only where the marker file is", () => {
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), "tether-shared-"));
    try {
      mkdirSync(path.join(elsewhere, "widgets"));
      vi.stubEnv(SHARED_DIR_ENV, elsewhere);
      expect(sharedDirectory("widgets", "marker.json")).toBeNull();
      writeFileSync(path.join(elsewhere, "widgets", "marker.json"), "{}");
      expect(sharedDirectory("widgets", "marker.json")).toBe(path.join(elsewhere, "widgets"));
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

describe.skipIf(skipWithoutShared(directory, OPENAPI_DOCUMENTS))("the OpenAPI validator used by the conformance tests", () => {
  let spec: JiraOpenApi;
  // Loaded here, not while collecting, so a skipped block reads nothing; required (TETHER_REQUIRE_SHARED=1)
  // but missing documents fail every test below.
  beforeAll(() => {
    spec = new JiraOpenApi(requireShared(directory, OPENAPI_DOCUMENTS));
  });

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
