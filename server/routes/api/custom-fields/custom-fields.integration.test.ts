import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomField } from "../../../../common/contracts/custom-fields.ts";
import { createTestApp, type TestApp } from "../../../testing/app.ts";
import { createUseCase, type ErrorBody, type RoleFixture, setUpRoles, type UseCaseBody, useCaseHistory } from "../use-cases/test-fixtures.ts";
import { defineField, type FieldBody } from "./test-fields.ts";

describe("custom fields: definitions and values", () => {
  let app: TestApp;
  let f: RoleFixture;
  let fieldsPath: string;
  beforeAll(async () => {
    app = await createTestApp();
    f = await setUpRoles(app, "cf");
    fieldsPath = `/workspaces/${f.workspaceId}/custom-fields`;
  });
  afterAll(async () => app.close());

  it("only Admins define fields, Moderators once the workspace allows it; everyone reads them", async () => {
    const body = { key: "region", name: "Region", type: "shortText" };
    expect((await f.moderator.client.post<ErrorBody>(fieldsPath, body)).body.error.code).toBe("forbidden");
    expect((await f.member.client.post(fieldsPath, body)).status).toBe(403);
    expect((await f.visitor.client.post(fieldsPath, body)).status).toBe(403);
    expect((await f.moderator.client.put(`/workspaces/${f.workspaceId}/custom-field-settings`, { moderatorsMayDefine: true })).status).toBe(403);
    expect((await f.admin.client.put(`/workspaces/${f.workspaceId}/custom-field-settings`, { moderatorsMayDefine: true })).status).toBe(200);
    const created = await f.moderator.client.post<FieldBody>(fieldsPath, body);
    expect(created.status).toBe(201);
    expect(created.body.customField).toMatchObject({ key: "region", name: "Region", type: "shortText", required: false, archived: false, options: [] });
    expect((await f.admin.client.post<ErrorBody>(fieldsPath, body)).body.error.code).toBe("conflict");
    const listed = await f.visitor.client.get<{ customFields: CustomField[] }>(fieldsPath);
    expect(listed.status).toBe(200);
    expect(listed.body.customFields.map((c) => c.key)).toContain("region");
    await f.admin.client.put(`/workspaces/${f.workspaceId}/custom-field-settings`, { moderatorsMayDefine: false });
    expect((await f.moderator.client.patch(`${fieldsPath}/${created.body.customField.id}`, { name: "Area" })).status).toBe(403);
  });

  it("checks each type's settings", async () => {
    const bad = [
      { key: "a1", name: "A", type: "shortText", min: 1 },
      { key: "a2", name: "A", type: "number", min: 5, max: 5 },
      { key: "a3", name: "A", type: "checkbox", options: [{ label: "x" }] },
      { key: "a4", name: "A", type: "singleSelect", options: [{ label: "x" }, { label: "X" }] },
      { key: "A5", name: "A", type: "date" },
      { key: "a6", name: "A", type: "colour" },
    ];
    for (const body of bad) expect((await f.admin.client.post(fieldsPath, body)).status, JSON.stringify(body)).toBe(400);
  });

  describe("values", () => {
    const fields: Record<string, CustomField> = {};
    beforeAll(async () => {
      const specs = [
        { key: "summary_line", name: "Summary line", type: "shortText" },
        { key: "notes", name: "Notes", type: "longText" },
        { key: "budget", name: "Budget", type: "number", min: 0, max: 1000000, decimals: 2 },
        { key: "confidence", name: "Confidence", type: "slider", min: 0, max: 10, step: 2 },
        { key: "approved", name: "Approved", type: "checkbox" },
        { key: "kickoff", name: "Kickoff", type: "date" },
        { key: "risk", name: "Risk", type: "singleSelect", options: [{ label: "Low", color: "green" }, { label: "High", color: "red" }] },
        { key: "markets", name: "Markets", type: "multiSelect", options: [{ label: "EU" }, { label: "US" }, { label: "APAC" }] },
        { key: "topics", name: "Topics", type: "tags" },
        { key: "sponsor", name: "Sponsor", type: "person" },
      ];
      for (const spec of specs) fields[spec.key] = await defineField(f.admin, f.workspaceId, spec);
    });
    const option = (key: string, label: string) => fields[key]!.options.find((o) => o.label === label)!.id;

    it("stores valid values of every type, normalised, and records them in history", async () => {
      const useCase = await createUseCase(f.admin, f.base, {
        title: "All types",
        customFields: {
          summary_line: "  One line  ",
          notes: "# Notes\n\n*Markdown*",
          budget: 1234.5,
          confidence: 6,
          approved: true,
          kickoff: "2026-03-01",
          risk: option("risk", "High"),
          markets: [option("markets", "US"), option("markets", "EU")],
          topics: ["AI", " ai ", "Data"],
          sponsor: f.member.id,
        },
      });
      expect(useCase.customFields).toEqual({
        summary_line: "One line",
        notes: "# Notes\n\n*Markdown*",
        budget: 1234.5,
        confidence: 6,
        approved: true,
        kickoff: "2026-03-01",
        risk: option("risk", "High"),
        markets: [option("markets", "EU"), option("markets", "US")],
        topics: ["ai", "data"],
        sponsor: f.member.id,
      });
      const updated = await f.admin.client.patch<UseCaseBody>(`${f.base}/${useCase.id}`, { version: 1, customFields: { budget: 99, notes: null } });
      expect(updated.status).toBe(200);
      expect(updated.body.useCase.customFields.budget).toBe(99);
      expect(updated.body.useCase.customFields).not.toHaveProperty("notes");
      const history = await useCaseHistory(f, useCase.id);
      expect(history).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: "customFields.budget", oldValue: 1234.5, newValue: 99, source: "user" }),
          expect.objectContaining({ field: "customFields.notes", oldValue: "# Notes\n\n*Markdown*", newValue: null }),
          expect.objectContaining({ field: "customFields.risk", oldValue: null, newValue: option("risk", "High") }),
        ]),
      );
    });

    it("refuses a wrong value with a 400 naming the field", async () => {
      const bad: Array<[string, unknown]> = [
        ["summary_line", 5],
        ["summary_line", "two\nlines"],
        ["notes", ["x"]],
        ["budget", "12"],
        ["budget", 1.234],
        ["budget", -1],
        ["confidence", 3],
        ["confidence", 12],
        ["approved", "yes"],
        ["kickoff", "2026-02-30"],
        ["risk", "opt_nope"],
        ["markets", ["opt_nope"]],
        ["topics", "ai"],
        ["sponsor", f.outsider.id],
        ["sponsor", "not-a-uuid"],
        ["nonexistent", 1],
      ];
      for (const [key, value] of bad) {
        const response = await f.admin.client.post<ErrorBody>(f.base, { title: "Bad", customFields: { [key]: value } });
        expect(response.status, `${key}=${JSON.stringify(value)}`).toBe(400);
        expect(response.body.error.message).toContain(`customFields.${key}`);
        expect(response.body.error.details).toEqual([expect.objectContaining({ path: `customFields.${key}` })]);
      }
    });

    it("lets Members write values on use cases they may edit, and nobody else", async () => {
      const useCase = await createUseCase(f.admin, f.base, { title: "Member's", assigneeId: f.member.id });
      expect((await f.member.client.patch(`${f.base}/${useCase.id}`, { version: 1, customFields: { approved: true } })).status).toBe(200);
      expect((await f.otherMember.client.patch(`${f.base}/${useCase.id}`, { version: 2, customFields: { approved: false } })).status).toBe(403);
      expect((await f.visitor.client.patch(`${f.base}/${useCase.id}`, { version: 2, customFields: { approved: false } })).status).toBe(403);
      expect((await f.visitor.client.get<UseCaseBody>(`${f.base}/${useCase.id}`)).body.useCase.customFields).toEqual({ approved: true });
    });

    it("requires required fields on create and refuses clearing them; archived fields keep values and take no new ones", async () => {
      const field = await defineField(f.admin, f.workspaceId, { key: "owner_unit", name: "Owner unit", type: "shortText", required: true });
      const missing = await f.admin.client.post<ErrorBody>(f.base, { title: "No unit" });
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toContain("customFields.owner_unit");
      const useCase = await createUseCase(f.admin, f.base, { title: "Unit", customFields: { owner_unit: "Finance" } });
      expect((await f.admin.client.patch(`${f.base}/${useCase.id}`, { version: 1, customFields: { owner_unit: null } })).status).toBe(400);
      const archived = await f.admin.client.patch<FieldBody>(`${fieldsPath}/${field.id}`, { archived: true });
      expect(archived.body.customField.archived).toBe(true);
      expect((await f.admin.client.get<UseCaseBody>(`${f.base}/${useCase.id}`)).body.useCase.customFields.owner_unit).toBe("Finance");
      expect((await f.admin.client.patch(`${f.base}/${useCase.id}`, { version: 1, customFields: { owner_unit: "HR" } })).status).toBe(400);
      await createUseCase(f.admin, f.base, { title: "Unit no longer required while archived" });
    });
  });

  describe("retype and option removal", () => {
    it("converts every value when all convert, and refuses listing the ones that do not", async () => {
      const field = await defineField(f.admin, f.workspaceId, { key: "size_text", name: "Size", type: "shortText" });
      const ok = await createUseCase(f.admin, f.base, { title: "Numeric", customFields: { size_text: "42" } });
      const bad = await createUseCase(f.admin, f.base, { title: "Wordy", customFields: { size_text: "big" } });
      const refused = await f.admin.client.patch<ErrorBody>(`${fieldsPath}/${field.id}`, { type: "number" });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe("custom_field_conversion_failed");
      expect(refused.body.error.details).toMatchObject({ total: 1, failures: [{ useCaseId: bad.id, key: bad.key, value: "big" }] });
      expect((await f.admin.client.get<UseCaseBody>(`${f.base}/${ok.id}`)).body.useCase.customFields.size_text).toBe("42");

      const fixed = await f.admin.client.patch(`${f.base}/${bad.id}`, { version: 1, customFields: { size_text: "7" } });
      expect(fixed.status).toBe(200);
      const retyped = await f.admin.client.patch<FieldBody>(`${fieldsPath}/${field.id}`, { type: "number", decimals: 0 });
      expect(retyped.status, JSON.stringify(retyped.body)).toBe(200);
      expect(retyped.body.customField.type).toBe("number");
      const after = await f.admin.client.get<UseCaseBody>(`${f.base}/${ok.id}`);
      expect(after.body.useCase.customFields.size_text).toBe(42);
      expect(await useCaseHistory(f, ok.id)).toEqual(expect.arrayContaining([expect.objectContaining({ field: "customFields.size_text", oldValue: "42", newValue: 42 })]));
      const select = await f.admin.client.patch<ErrorBody>(`${fieldsPath}/${field.id}`, { type: "date" });
      expect(select.body.error.code).toBe("custom_field_conversion_failed");
    });

    it("turns a single select into a multi select and back only when each holds at most one option", async () => {
      const field = await defineField(f.admin, f.workspaceId, { key: "phase", name: "Phase", type: "singleSelect", options: [{ label: "Pilot" }, { label: "Rollout" }] });
      const [pilot, rollout] = field.options.map((o) => o.id) as [string, string];
      const useCase = await createUseCase(f.admin, f.base, { title: "Phase", customFields: { phase: pilot } });
      expect((await f.admin.client.patch(`${fieldsPath}/${field.id}`, { type: "multiSelect" })).status).toBe(200);
      expect((await f.admin.client.get<UseCaseBody>(`${f.base}/${useCase.id}`)).body.useCase.customFields.phase).toEqual([pilot]);
      await f.admin.client.patch(`${f.base}/${useCase.id}`, { version: 2, customFields: { phase: [pilot, rollout] } });
      expect((await f.admin.client.patch<ErrorBody>(`${fieldsPath}/${field.id}`, { type: "singleSelect" })).body.error.code).toBe("custom_field_conversion_failed");
    });

    it("asks what to do with the values of an option being removed", async () => {
      const field = await defineField(f.admin, f.workspaceId, { key: "tier", name: "Tier", type: "singleSelect", options: [{ label: "Gold" }, { label: "Silver" }, { label: "Bronze" }] });
      const [gold, silver, bronze] = field.options.map((o) => o.id) as [string, string, string];
      const a = await createUseCase(f.admin, f.base, { title: "Gold one", customFields: { tier: gold } });
      const b = await createUseCase(f.admin, f.base, { title: "Silver one", customFields: { tier: silver } });
      const leftOut = await f.admin.client.patch<ErrorBody>(`${fieldsPath}/${field.id}`, { options: [{ id: silver, label: "Silver" }, { id: bronze, label: "Bronze" }] });
      expect(leftOut.body.error.code).toBe("custom_field_option_in_use");
      const asked = await f.admin.client.delete<ErrorBody>(`${fieldsPath}/${field.id}/options/${gold}`);
      expect(asked.status).toBe(409);
      expect(asked.body.error).toMatchObject({ code: "custom_field_option_in_use", details: { useCases: 1 } });
      const replaced = await f.admin.client.delete<FieldBody>(`${fieldsPath}/${field.id}/options/${gold}?replaceWith=${silver}`);
      expect(replaced.status).toBe(200);
      expect(replaced.body.customField.options.map((o) => o.label)).toEqual(["Silver", "Bronze"]);
      expect((await f.admin.client.get<UseCaseBody>(`${f.base}/${a.id}`)).body.useCase.customFields.tier).toBe(silver);
      expect((await f.admin.client.delete(`${fieldsPath}/${field.id}/options/${silver}?clear=true`)).status).toBe(200);
      expect((await f.admin.client.get<UseCaseBody>(`${f.base}/${b.id}`)).body.useCase.customFields).not.toHaveProperty("tier");
      expect(await useCaseHistory(f, b.id)).toEqual(expect.arrayContaining([expect.objectContaining({ field: "customFields.tier", oldValue: silver, newValue: null })]));
      // Renaming and reordering keep ids, so values stay.
      const renamed = await f.admin.client.patch<FieldBody>(`${fieldsPath}/${field.id}`, { options: [{ id: bronze, label: "Copper", color: "orange" }, { label: "Platinum" }] });
      expect(renamed.body.customField.options).toEqual([{ id: bronze, label: "Copper", color: "orange" }, expect.objectContaining({ label: "Platinum" })]);
    });

    it("reorders the template", async () => {
      const list = (await f.admin.client.get<{ customFields: CustomField[] }>(fieldsPath)).body.customFields;
      const reversed = list.map((c) => c.id).reverse();
      const response = await f.admin.client.put<{ customFields: CustomField[] }>(`${fieldsPath}/order`, { fieldIds: reversed });
      expect(response.status).toBe(200);
      expect(response.body.customFields.map((c) => c.id)).toEqual(reversed);
      expect((await f.admin.client.put(`${fieldsPath}/order`, { fieldIds: reversed.slice(1) })).status).toBe(400);
    });
  });
});
