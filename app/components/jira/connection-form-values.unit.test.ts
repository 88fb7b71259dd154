import { describe, expect, test } from "vitest";
import { type JiraConnection, SaveConnectionBody } from "../../../common/contracts/jira-connection.ts";
import { connectionKinds, formValuesOf, normaliseProjectKeys, saveBody } from "./connection-form-values.ts";

const connection: JiraConnection = {
  id: "00000000-0000-4000-8000-000000000001",
  kind: "cloud",
  baseUrl: "https://acme.atlassian.net",
  accountName: "ada@example.com",
  secret: { set: true, lastFour: "-ada", setAt: "2026-01-02T03:04:05.000Z", expiresOn: null },
  projectKeys: ["TETH"],
  deploymentType: "Cloud",
  serverVersion: "1001.0.0",
  accountDisplayName: "Ada",
  lastTest: null,
  createdAt: "2026-01-02T03:04:05.000Z",
  updatedAt: "2026-01-02T03:04:05.000Z",
};

describe("Jira connection form", () => {
  test("starts from the saved connection with the secret empty", () => {
    expect(formValuesOf(connection)).toEqual({ kind: "cloud", baseUrl: "https://acme.atlassian.net", accountName: "ada@example.com", secret: "", projectKeys: ["TETH"], secretExpiresOn: null });
    expect(formValuesOf(null).kind).toBe("cloud");
  });

  test("an empty secret is left out of the body, so the stored one is kept", () => {
    const body = saveBody(formValuesOf(connection));
    expect(body).not.toHaveProperty("secret");
    expect(SaveConnectionBody.safeParse(body).success).toBe(true);
    expect(saveBody({ ...formValuesOf(connection), secret: "new-token" }).secret).toBe("new-token");
  });

  test("a Personal Access Token connection sends no username, even one left over from another kind", () => {
    const body = saveBody({ ...formValuesOf(connection), kind: "datacenter_pat", baseUrl: "https://jira.example.com", secret: "pat" });
    expect(body).not.toHaveProperty("accountName");
    expect(SaveConnectionBody.safeParse(body).success).toBe(true);
    expect(saveBody({ ...formValuesOf(connection), kind: "datacenter_basic", accountName: " ada " }).accountName).toBe("ada");
  });

  test("project keys are upper-cased, split and de-duplicated", () => {
    expect(normaliseProjectKeys(["teth", "plat, ops", "TETH", " "])).toEqual(["TETH", "PLAT", "OPS"]);
  });

  test("each kind names its secret as Jira does", () => {
    expect(connectionKinds.cloud.secretLabel).toBe("API token");
    expect(connectionKinds.datacenter_pat.secretLabel).toBe("Personal Access Token");
    expect(connectionKinds.datacenter_basic.secretLabel).toBe("Password");
    expect(connectionKinds.datacenter_pat.accountLabel).toBeNull();
    expect(connectionKinds.datacenter_basic.accountLabel).toBe("Username");
  });
});
