import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJiraSim, type JiraSim } from "../../sim/jira/index.ts";
import { loadEnv } from "../env.ts";
import { type RunningTether, startTether } from "../start.ts";
import type { paths } from "../testing/api-types.generated.ts";
import { createTestDatabase, type TestDatabase } from "../testing/db.ts";
import { eventually } from "../testing/jira-sync-fixture.ts";
import { apiTypesFile, buildOpenApiDocument, renderApiTypes } from "../testing/openapi-document.ts";

/**
 * Proof that the OpenAPI document is usable as integrators use it: a client generated from it
 * (openapi-typescript types, committed and checked for freshness, + openapi-fetch) drives a
 * running Tether over HTTP — token, Jira setup, use case create/update, Epic link state.
 */
describe("a client generated from the OpenAPI document", () => {
  it("is generated from the current document (else run `npm run api:types` and commit the file)", async () => {
    const committed = await readFile(apiTypesFile, "utf8");
    const current = await renderApiTypes(await buildOpenApiDocument());
    expect(committed === current, "server/testing/api-types.generated.ts is stale: run `npm run api:types` and commit it").toBe(true);
  });

  describe("against a running Tether and a Jira simulator", () => {
    let database: TestDatabase;
    let tether: RunningTether;
    let sim: JiraSim;
    beforeAll(async () => {
      [database, sim] = await Promise.all([createTestDatabase(), startJiraSim({ flavor: "cloud", seed: "demo" })]);
      tether = await startTether({
        databaseUrl: database.url,
        port: 0,
        services: ["web", "worker"],
        webDir: null,
        secretKey: randomBytes(32).toString("hex"),
        env: loadEnv({ NODE_ENV: "test", LOG_LEVEL: "silent", TETHER_DATA_DIR: ".tmp/test-data", JIRA_SEARCH_SETTLE_MS: "300" }),
      });
    });
    afterAll(async () => {
      await tether?.stop();
      await Promise.all([sim?.stop(), database?.close()]);
    });

    it("signs up, makes a token, sets Jira up, creates and updates a use case and reads its Epic link", async () => {
      const baseUrl = `${tether.url}/api/v1`;
      // The first account of a server needs no invitation; its browser session makes the API token.
      const browser = createClient<paths>({ baseUrl });
      const signUp = await browser.POST("/auth/signup", {
        body: { email: "integrator@example.test", password: "a long enough password", displayName: "Integrator" },
      });
      expect(signUp.response.status, JSON.stringify(signUp.error)).toBe(201);
      const session = { cookie: (signUp.response.headers.get("set-cookie") ?? "").split(";")[0] ?? "", "x-csrf-token": signUp.data?.csrfToken ?? "" };
      const token = await browser.POST("/me/tokens", { headers: session, body: { name: "generated client" } });
      expect(token.response.status).toBe(201);

      const api = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token.data?.secret}` } });
      const me = await api.GET("/auth/session");
      expect(me.data?.user.email).toBe("integrator@example.test");
      const made = await api.POST("/workspaces", { body: { name: "Generated client" } });
      expect(made.response.status, JSON.stringify(made.error)).toBe(201);
      const workspaces = await api.GET("/workspaces");
      const workspaceId = workspaces.data?.workspaces[0]?.id;
      if (!workspaceId) throw new Error(`no workspace: ${JSON.stringify(workspaces.data)}`);
      expect(workspaceId).toBe(made.data?.workspace.id);
      const workspace = { params: { path: { workspaceId } } };

      expect(
        (
          await api.PUT("/workspaces/{workspaceId}/integrations/jira/connection", {
            ...workspace,
            body: { kind: "cloud", baseUrl: sim.url, accountName: "ada@tether.example", secret: "sim-token-ada", projectKeys: ["TETH"] },
          })
        ).response.status,
      ).toBe(200);
      expect((await api.POST("/workspaces/{workspaceId}/integrations/jira/metadata/refresh", workspace)).response.status).toBe(200);
      const features = await api.PATCH("/workspaces/{workspaceId}/integrations/jira/features", { ...workspace, body: { toJira: true, fromJira: true } });
      expect(features.data?.features.toJira).toBe(true);
      const proposed = await api.GET("/workspaces/{workspaceId}/integrations/jira/mapping", workspace);
      expect(proposed.data?.saved).toBe(false);
      const mapping = proposed.data?.mapping;
      if (!mapping) throw new Error(`no proposed mapping: ${JSON.stringify(proposed.error)}`);
      const saved = await api.PUT("/workspaces/{workspaceId}/integrations/jira/mapping", { ...workspace, body: mapping });
      expect(saved.response.status, JSON.stringify(saved.error)).toBe(200);

      const created = await api.POST("/workspaces/{workspaceId}/use-cases", { ...workspace, body: { title: "Generated client journey", priority: "high" } });
      expect(created.response.status, JSON.stringify(created.error)).toBe(201);
      const useCase = created.data?.useCase;
      if (!useCase) throw new Error("no use case");
      const path = { workspaceId, useCaseId: useCase.id };
      const etag = created.response.headers.get("etag") ?? "";
      const updated = await api.PATCH("/workspaces/{workspaceId}/use-cases/{useCaseId}", {
        params: { path, header: { "if-match": etag } },
        body: { title: "Generated client journey, updated", businessValue: 8, jobSize: 2 },
      });
      expect(updated.data?.useCase).toMatchObject({ title: "Generated client journey, updated", businessValue: 8 });
      // A stale version is a typed error with its stable code.
      const stale = await api.PATCH("/workspaces/{workspaceId}/use-cases/{useCaseId}", { params: { path }, body: { version: useCase.version, title: "Lost update" } });
      expect(stale.response.status).toBe(409);
      expect(stale.error?.error.code).toBe("version_conflict");

      const unlinked = await api.GET("/workspaces/{workspaceId}/use-cases/{useCaseId}/jira", { params: { path } });
      expect(unlinked.data?.link).toBeNull();
      const linked = await api.POST("/workspaces/{workspaceId}/use-cases/{useCaseId}/jira/link", { params: { path }, body: { create: true } });
      expect(linked.response.status, JSON.stringify(linked.error)).toBe(201);
      const link = await eventually(async () => {
        const state = await api.GET("/workspaces/{workspaceId}/use-cases/{useCaseId}/jira", { params: { path } });
        expect(state.data?.link?.state).toBe("ok");
        return state.data?.link;
      }, 20_000);
      expect(link?.issueKey).toMatch(/^TETH-\d+$/);
      const issue = await fetch(`${sim.url}/rest/api/3/issue/${link?.issueKey}?fields=summary`, {
        headers: { authorization: `Basic ${Buffer.from("ada@tether.example:sim-token-ada").toString("base64")}` },
      });
      expect(((await issue.json()) as { fields: { summary: string } }).fields.summary).toBe("Generated client journey, updated");
    });
  });
});

