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
    const auth = admin.client.auth;
    if (auth.kind !== "cookie") throw new Error(`signUpUser should give a cookie session, got ${auth.kind}`);
    secrets.push(auth.cookie.split("=")[1] ?? "", auth.csrfToken);
    expect((await anonymous(app).post("/auth/login", { email: admin.email, password: "a wrong password for logs" })).status).toBe(401);
    const token = await admin.client.post<{ secret: string }>("/me/tokens", { name: "ci" });
    expect(token.status).toBe(201);
    secrets.push(token.body.secret);
    const workspace = await admin.client.post<{ workspace: { id: string } }>("/workspaces", { name: "L" });
    expect(workspace.status).toBe(201);
    const workspaceId = workspace.body.workspace.id;
    const invitation = await admin.client.post<{ url: string }>(`/workspaces/${workspaceId}/invitations`, { role: "member", email: "x@example.test" });
    expect(invitation.status).toBe(201);
    secrets.push(invitation.body.url.split("/invite/")[1] ?? "");
    const path = `/workspaces/${workspaceId}/integrations/jira/connection`;
    for (const [secret, refreshStatus] of [["wrong-jira-token-1234", 502], ["sim-token-ada", 200]] as const) {
      const saved = await admin.client.put(path, { kind: "cloud", baseUrl: sim.url, accountName: "ada@tether.example", secret, projectKeys: ["TETH"] });
      expect(saved.status, secret).toBe(200);
      expect((await admin.client.post(`${path}/test`)).status, secret).toBe(200);
      expect((await admin.client.post(`/workspaces/${workspaceId}/integrations/jira/metadata/refresh`)).status, secret).toBe(refreshStatus);
    }
    // Force an internal error path to be logged too.
    expect((await admin.client.call("POST", "/workspaces", "{broken")).status).toBe(400);

    const output = lines.join("");
    // The flows above ran through the logger: their request lines are there (route and status, nothing more).
    const requests = lines.flatMap((line) => line.split("\n")).filter((line) => line.includes('"msg":"request"')).map((line) => JSON.parse(line) as { route?: string; status?: number });
    expect(requests).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ route: expect.stringMatching(/\/auth\/login$/), status: 401 }),
        expect.objectContaining({ route: expect.stringMatching(/\/integrations\/jira\/connection\/test$/), status: 200 }),
        expect.objectContaining({ route: expect.stringMatching(/\/integrations\/jira\/metadata\/refresh$/), status: 502 }),
        expect.objectContaining({ route: expect.stringMatching(/\/integrations\/jira\/metadata\/refresh$/), status: 200 }),
      ]),
    );
    for (const secret of secrets.filter((s) => s.length > 0)) expect(output, `log contains a secret`).not.toContain(secret);
  });
});
