import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/app.ts";
import { signUpUser } from "../testing/client.ts";
import { reencryptSecrets } from "./rotate-secret-key.ts";
import { SecretBox } from "./secret-box.ts";

const newBox = () => new SecretBox(randomBytes(32).toString("hex"));

describe("rotating TETHER_SECRET_KEY", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
    for (const [name, secret] of [["one", "token-one"], ["two", "token-two"]] as const) {
      const admin = await signUpUser(app, `rotate-${name}`);
      const workspaceId = (await admin.client.post<{ workspace: { id: string } }>("/workspaces", { name })).body.workspace.id;
      const saved = await admin.client.put(`/workspaces/${workspaceId}/integrations/jira/connection`, {
        kind: "datacenter_pat",
        baseUrl: "http://127.0.0.1:9",
        secret,
        projectKeys: ["TETH"],
      });
      expect(saved.status).toBe(200);
    }
    // An invitation mail waiting to be sent keeps its link sealed too.
    const inviter = await signUpUser(app, "rotate-inviter");
    const workspaceId = (await inviter.client.post<{ workspace: { id: string } }>("/workspaces", { name: "three" })).body.workspace.id;
    const invited = await inviter.client.post<{ url: string; invitation: { id: string } }>(`/workspaces/${workspaceId}/invitations`, { role: "member", email: "invitee@example.test" });
    expect(invited.status).toBe(201);
    invitation = { id: invited.body.invitation.id, url: invited.body.url };
  });
  let invitation = { id: "", url: "" };
  afterAll(async () => app?.close());

  const stored = () => app.deps.db.selectFrom("jira_connections").select(["id", "secret_ciphertext"]).orderBy("id").execute();

  it("re-encrypts every secret with the new key; the old key no longer opens them", async () => {
    const next = newBox();
    expect(await reencryptSecrets(app.deps.db, app.deps.secretBox, next)).toBe(3);
    const link = await app.deps.db.selectFrom("invitations").select("link_ciphertext").where("id", "=", invitation.id).executeTakeFirstOrThrow();
    expect(next.open(link.link_ciphertext ?? "", `invitation-link:${invitation.id}`)).toBe(invitation.url);
    const rows = await stored();
    expect(rows.map((row) => next.open(row.secret_ciphertext, row.id)).sort()).toEqual(["token-one", "token-two"]);
    expect(() => app.deps.secretBox.open(rows[0]?.secret_ciphertext ?? "", rows[0]?.id ?? "")).toThrow(/TETHER_SECRET_KEY/);
    app.deps.secretBox = next;
  });

  it("changes nothing when the old key given is wrong", async () => {
    const before = await stored();
    await expect(reencryptSecrets(app.deps.db, newBox(), newBox())).rejects.toThrow(/could not be decrypted/);
    expect(await stored()).toEqual(before);
  });
});
