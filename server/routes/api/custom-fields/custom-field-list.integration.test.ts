import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomField } from "../../../../common/contracts/custom-fields.ts";
import type { UseCase } from "../../../../common/contracts/use-cases.ts";
import { createTestApp, type TestApp } from "../../../testing/app.ts";
import { createUseCase, type ErrorBody, type RoleFixture, setUpRoles } from "../use-cases/test-fixtures.ts";
import { defineField } from "./test-fields.ts";

type Page = { useCases: UseCase[]; nextCursor: string | null };

describe("use-case list: filters and sorts by custom fields", () => {
  let app: TestApp;
  let f: RoleFixture;
  let score: CustomField;
  let stage: CustomField;
  let name: CustomField;
  let due: CustomField;
  const made: UseCase[] = [];

  beforeAll(async () => {
    app = await createTestApp();
    f = await setUpRoles(app, "cflist");
    score = await defineField(f.admin, f.workspaceId, { key: "score", name: "Score", type: "number", decimals: 2 });
    stage = await defineField(f.admin, f.workspaceId, { key: "stage", name: "Stage", type: "singleSelect", options: [{ label: "Alpha" }, { label: "Beta" }, { label: "Gamma" }] });
    name = await defineField(f.admin, f.workspaceId, { key: "codename", name: "Codename", type: "shortText" });
    due = await defineField(f.admin, f.workspaceId, { key: "due", name: "Due", type: "date" });
    for (let i = 0; i < 26; i++) {
      const customFields: Record<string, unknown> = {};
      if (i % 5 !== 0) customFields.score = (i * 7) % 11 + (i % 3) / 4; // ties and nulls on purpose
      customFields.stage = stage.options[i % 3]!.id;
      if (i % 4 !== 0) customFields.codename = ["Otter", "badger", "Crane", "otter"][i % 4];
      if (i % 2 === 0) customFields.due = `2026-0${(i % 9) + 1}-1${i % 10}`;
      made.push(await createUseCase(f.admin, f.base, { title: `Item ${i}`, customFields }));
    }
  });
  afterAll(async () => app.close());

  async function walk(query: string, limit = 4): Promise<UseCase[]> {
    const seen: UseCase[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `${f.base}?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`;
      const response: { status: number; body: Page } = await f.admin.client.get<Page>(url);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      seen.push(...response.body.useCases);
      cursor = response.body.nextCursor;
    } while (cursor);
    return seen;
  }

  const expectedOrder = (value: (u: UseCase) => string | number | null, descending: boolean, subset = made) => {
    const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return [...subset]
      .sort((a, b) => {
        const va = value(a);
        const vb = value(b);
        if (va === null && vb === null) return descending ? compareIds(b.id, a.id) : compareIds(a.id, b.id);
        if (va === null) return 1;
        if (vb === null) return -1;
        const c = va < vb ? -1 : va > vb ? 1 : 0;
        if (c !== 0) return descending ? -c : c;
        return descending ? compareIds(b.id, a.id) : compareIds(a.id, b.id);
      })
      .map((u) => u.id);
  };
  const num = (u: UseCase) => (u.customFields.score as number | undefined) ?? null;

  it("pages through a number sort in both directions: every use case once, nulls last, ties by id", async () => {
    expect((await walk("sort=cf.score")).map((u) => u.id)).toEqual(expectedOrder(num, false));
    expect((await walk("sort=-cf.score", 5)).map((u) => u.id)).toEqual(expectedOrder(num, true));
  });

  it("sorts single selects by option order and dates by day", async () => {
    const position = (u: UseCase) => stage.options.findIndex((o) => o.id === u.customFields.stage);
    expect((await walk("sort=-cf.stage")).map((u) => u.id)).toEqual(expectedOrder(position, true));
    const day = (u: UseCase) => (u.customFields.due as string | undefined) ?? null;
    expect((await walk("sort=cf.due", 3)).map((u) => u.id)).toEqual(expectedOrder(day, false));
  });

  it("filters by option, range, text and presence, and sorts the filtered list", async () => {
    const beta = stage.options[1]!.id;
    const inBeta = made.filter((u) => u.customFields.stage === beta);
    expect((await walk(`cf=stage:is:${beta}&sort=cf.score`, 2)).map((u) => u.id)).toEqual(expectedOrder(num, false, inBeta));
    const ranged = made.filter((u) => num(u) !== null && num(u)! >= 3 && num(u)! <= 8);
    expect((await walk("cf=score:gte:3&cf=score:lte:8&sort=-cf.score")).map((u) => u.id)).toEqual(expectedOrder(num, true, ranged));
    const otters = made.filter((u) => String(u.customFields.codename ?? "").toLowerCase() === "otter");
    expect((await walk("cf=codename:is:OTTER")).map((u) => u.id).sort()).toEqual(otters.map((u) => u.id).sort());
    expect((await walk("cf=codename:contains:dge")).length).toBe(made.filter((u) => u.customFields.codename === "badger").length);
    expect((await walk("cf=score:empty")).length).toBe(made.filter((u) => num(u) === null).length);
    const counts = await f.admin.client.get<{ total: number }>(`/workspaces/${f.workspaceId}/use-case-counts?cf=score:set`);
    expect(counts.body.total).toBe(made.filter((u) => num(u) !== null).length);
  });

  it("sorts by the new value after an edit", async () => {
    const target = made[0]!;
    const edited = await f.admin.client.patch<{ useCase: UseCase }>(`${f.base}/${target.id}`, { version: target.version, customFields: { score: -5 } });
    expect(edited.status).toBe(200);
    const first = await f.admin.client.get<Page>(`${f.base}?sort=cf.score&limit=1`);
    expect(first.body.useCases[0]?.id).toBe(target.id);
    made[0] = edited.body.useCase;
  });

  it("refuses unknown fields, unsortable types, bad operators and foreign cursors with 400", async () => {
    await defineField(f.admin, f.workspaceId, { key: "labels", name: "Labels", type: "tags" });
    const bad = ["sort=cf.nope", "sort=cf.labels", "cf=nope:set", "cf=score:is:abc", "cf=stage:gte:1", "cf=score:contains:1", "cf=due:is:2026-13-45", "cf=score"];
    for (const query of bad) {
      const response = await f.admin.client.get<ErrorBody>(`${f.base}?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.code).toBe("validation_failed");
    }
    const page = await f.admin.client.get<Page>(`${f.base}?sort=cf.score&limit=2`);
    expect((await f.admin.client.get(`${f.base}?sort=cf.codename&cursor=${page.body.nextCursor}`)).status).toBe(400);
    expect((await f.admin.client.get(`${f.base}?sort=title&cursor=${page.body.nextCursor}`)).status).toBe(400);
    expect(name.key).toBe("codename");
    expect(score.key).toBe("score");
    expect(due.type).toBe("date");
  });
});
