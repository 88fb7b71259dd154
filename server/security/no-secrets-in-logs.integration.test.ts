import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJiraSim } from "../../sim/jira/index.ts";
import { createTestApp, type TestApp } from "../testing/app.ts";
import { anonymous, signUpUser } from "../testing/client.ts";

/** Runs the flows that handle secrets with trace-level logging, then greps every log line. */
describe("no secret ever reaches the logs", () => {
  const lines: string[] = [];
  let app: TestApp;
  let sim: Awaited<ReturnType<typeof startJiraSim>>;
  beforeAll(async () => {
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    [app, sim] = await Promise.all([createTestApp({ logLevel: "trace", logDestination: destination }), startJiraSim({ flavor: "cloud", seed: "demo" })]);
  });
  afterAll(async () => Promise.all([app?.close(), sim?.stop()]));

  it("covers passwords, sessions, API tokens, invitation links and Jira credentials", async () => {
    const secrets: string[] = ["a long enough password", "sim-token-ada", "wrong-jira-token-1234"];
    const admin = await signUpUser(app, "logs");
    if (admin.client.auth.kind === "cookie") secrets.push(admin.client.auth.cookie.split("=")[1] ?? "", admin.client.auth.csrfToken);
    await anonymous(app).post("/auth/login", { email: admin.email, password: "a wrong password for logs" });
    const token = await admin.client.post<{ secret: string }>("/me/tokens", { name: "ci" });
    secrets.push(token.body.secret);
    const workspaceId = (await admin.client.post<{ workspace: { id: string } }>("/workspaces", { name: "L" })).body.workspace.id;
    const invitation = await admin.client.post<{ url: string }>(`/workspaces/${workspaceId}/invitations`, { role: "member", email: "x@example.test" });
    secrets.push(invitation.body.url.split("/invite/")[1] ?? "");
    const path = `/workspaces/${workspaceId}/integrations/jira/connection`;
    for (const secret of ["wrong-jira-token-1234", "sim-token-ada"]) {
      await admin.client.put(path, { kind: "cloud", baseUrl: sim.url, accountName: "ada@tether.example", secret, projectKeys: ["TETH"] });
      await admin.client.post(`${path}/test`);
      await admin.client.post(`/workspaces/${workspaceId}/integrations/jira/metadata/refresh`);
    }
    // Force an internal error path to be logged too.
    await admin.client.call("POST", "/workspaces", "{broken");

    const output = lines.join("");
    expect(output.length).toBeGreaterThan(0);
    for (const secret of secrets.filter((s) => s.length > 0)) expect(output, `log contains a secret`).not.toContain(secret);
  });
});
