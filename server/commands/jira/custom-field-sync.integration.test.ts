import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomField } from "../../../common/contracts/custom-fields.ts";
import type { FieldMappingEntry, JiraMapping } from "../../../common/contracts/jira-mapping.ts";
import type { UseCase } from "../../../common/contracts/use-cases.ts";
import { defineField } from "../../routes/api/custom-fields/test-fields.ts";
import { eventually, setUpSync, type SyncFixture } from "../../testing/jira-sync-fixture.ts";

type ErrorBody = { error: { code: string; message: string; details?: Array<{ path: string; code: string; message: string }> } };

/** Custom fields ↔ Jira custom fields against the simulator, both ways, both flavours (ADR 0011). */
describe.each(["cloud", "datacenter"] as const)("custom fields sync with Jira (%s)", (flavor) => {
  let f: SyncFixture;
  const fields: Record<string, CustomField> = {};
  const base = flavor === "cloud" ? 10060 : 10210;
  const jiraField = (offset: number) => `customfield_${base + offset}`;
  let mapping: JiraMapping;
  let caraId: string;

  beforeAll(async () => {
    f = await setUpSync(flavor, { prefix: `cfsync-${flavor}` });
    const specs = [
      { key: "codename", name: "Codename", type: "shortText" },
      { key: "notes", name: "Notes", type: "longText" },
      { key: "golive", name: "Go-live", type: "date" },
      { key: "phase", name: "Phase", type: "singleSelect", options: [{ label: "Discovery" }, { label: "Delivery" }, { label: "Live" }] },
      { key: "markets", name: "Markets", type: "multiSelect", options: [{ label: "EU" }, { label: "US" }, { label: "APAC" }] },
      { key: "sponsor", name: "Sponsor", type: "person" },
      { key: "budget", name: "Budget", type: "number", decimals: 2 },
      { key: "approved", name: "Approved", type: "checkbox" },
    ];
    for (const spec of specs) fields[spec.key] = await defineField(f.admin, f.workspaceId, spec);
    const cara = f.sim.control.user("cara");
    caraId = flavor === "cloud" ? cara.accountId : cara.name;
    const option = (key: string, label: string) => fields[key]!.options.find((o) => o.label === label)!.id;
    const custom: FieldMappingEntry[] = [
      { tetherField: "cf.codename", jiraField: jiraField(0), direction: "both" },
      { tetherField: "cf.notes", jiraField: jiraField(1), direction: "both" },
      { tetherField: "cf.golive", jiraField: jiraField(2), direction: "both" },
      {
        tetherField: "cf.phase",
        jiraField: jiraField(3),
        direction: "both",
        optionMap: [
          { optionId: option("phase", "Discovery"), jiraOptionId: "10400" },
          { optionId: option("phase", "Delivery"), jiraOptionId: "10401" },
          { optionId: option("phase", "Live"), jiraOptionId: "10402" },
        ],
      },
      {
        tetherField: "cf.markets",
        jiraField: jiraField(4),
        direction: "both",
        optionMap: [
          { optionId: option("markets", "EU"), jiraOptionId: "10410" },
          { optionId: option("markets", "US"), jiraOptionId: "10411" },
          { optionId: option("markets", "APAC"), jiraOptionId: "10412" },
        ],
      },
      { tetherField: "cf.sponsor", jiraField: jiraField(5), direction: "both" },
      { tetherField: "cf.budget", jiraField: jiraField(6), direction: "both" },
    ];
    mapping = { ...f.mapping, fields: [...f.mapping.fields, ...custom], userMap: [{ userId: f.member.id, jiraUserId: caraId, jiraDisplayName: "Cara" }] };
    const saved = await f.admin.client.put(`${f.jiraBase}/mapping`, mapping);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  });
  afterAll(async () => f?.close());

  it("refuses incompatible pairs with the reason", async () => {
    const attempts: Array<[FieldMappingEntry, string]> = [
      [{ tetherField: "cf.approved", jiraField: jiraField(0), direction: "both" }, "no Jira counterpart"],
      [{ tetherField: "cf.codename", jiraField: jiraField(1), direction: "both" }, "paragraph"],
      [{ tetherField: "cf.budget", jiraField: jiraField(2), direction: "both" }, "holds date values"],
      [{ tetherField: "cf.markets", jiraField: jiraField(4), direction: "both" }, "option map"],
      [{ tetherField: "cf.nope", jiraField: jiraField(0), direction: "both" }, "no custom field"],
    ];
    for (const [entry, reason] of attempts) {
      const fieldsWithout = mapping.fields.filter((e) => e.tetherField !== entry.tetherField);
      const response = await f.admin.client.put<ErrorBody>(`${f.jiraBase}/mapping`, { ...mapping, fields: [...fieldsWithout, entry] });
      expect(response.status, entry.tetherField).toBe(400);
      expect(response.body.error.code).toBe("mapping_invalid");
      expect(response.body.error.message).toContain(reason);
    }
  });

  it("pushes every mapped custom value to the Epic, and later edits too", async () => {
    const option = (key: string, label: string) => fields[key]!.options.find((o) => o.label === label)!.id;
    const useCase = await f.createUseCase({
      title: "Custom fields to Jira",
      customFields: {
        codename: "Falcon",
        notes: "Ship **carefully**.",
        golive: "2027-05-01",
        phase: option("phase", "Delivery"),
        markets: [option("markets", "US"), option("markets", "EU")],
        sponsor: f.member.id,
        budget: 120.5,
      },
    });
    const linked = await f.link(useCase.id, { create: true });
    expect(linked.status, JSON.stringify(linked.body)).toBe(201);
    const key = linked.body.link.issueKey!;
    const custom = () => f.sim.control.issue(key).custom;
    expect(custom()[jiraField(0)]).toBe("Falcon");
    expect(JSON.stringify(custom()[jiraField(1)])).toContain("carefully");
    expect(custom()[jiraField(2)]).toBe("2027-05-01");
    expect(custom()[jiraField(3)]).toBe("10401");
    expect(custom()[jiraField(4)]).toEqual(["10410", "10411"]);
    expect(custom()[jiraField(5)]).toBe(f.sim.control.user("cara").key);
    expect(custom()[jiraField(6)]).toBe(120.5);

    const current = await f.admin.client.get<{ useCase: UseCase }>(`${f.base}/${useCase.id}`);
    const edited = await f.admin.client.patch(`${f.base}/${useCase.id}`, {
      version: current.body.useCase.version,
      customFields: { phase: option("phase", "Live"), budget: null, markets: [option("markets", "APAC")] },
    });
    expect(edited.status).toBe(200);
    await eventually(() => {
      expect(custom()[jiraField(3)]).toBe("10402");
      expect(custom()[jiraField(6)] ?? null).toBeNull();
      expect(custom()[jiraField(4)]).toEqual(["10412"]);
    });
  });

  it("takes changes made in Jira back into the use case, with history from Jira", async () => {
    const useCase = await f.createUseCase({ title: "Custom fields from Jira", customFields: { codename: "Owl" } });
    const linked = await f.link(useCase.id, { create: true });
    const key = linked.body.link.issueKey!;
    await eventually(() => expect(f.sim.control.issue(key).custom[jiraField(0)]).toBe("Owl"));
    f.sim.control.editIssue("cara", key, {
      fields: {
        [jiraField(0)]: "Eagle",
        [jiraField(2)]: "2028-01-15",
        [jiraField(3)]: { id: "10400" },
        [jiraField(4)]: [{ value: "EU" }, { value: "APAC" }],
        [jiraField(5)]: flavor === "cloud" ? { accountId: caraId } : { name: caraId },
        [jiraField(6)]: 42,
      },
    });
    await f.admin.client.post(`${f.base}/${useCase.id}/jira/sync`, {});
    const option = (k: string, label: string) => fields[k]!.options.find((o) => o.label === label)!.id;
    await eventually(async () => {
      const read = await f.admin.client.get<{ useCase: UseCase }>(`${f.base}/${useCase.id}`);
      expect(read.body.useCase.customFields).toMatchObject({
        codename: "Eagle",
        golive: "2028-01-15",
        phase: option("phase", "Discovery"),
        markets: [option("markets", "EU"), option("markets", "APAC")],
        sponsor: f.member.id,
        budget: 42,
      });
    });
    const history = await f.admin.client.get<{ history: Array<{ field: string; source: string; newValue: unknown }> }>(`${f.base}/${useCase.id}/history`);
    expect(history.body.history).toEqual(expect.arrayContaining([expect.objectContaining({ field: "customFields.codename", source: "jira", newValue: "Eagle" })]));
  });
});
