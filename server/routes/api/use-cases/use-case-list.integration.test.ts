import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UseCase, UseCaseList, UseCaseSort } from "../../../../common/contracts/use-cases.ts";
import { createTestApp, type TestApp } from "../../../testing/app.ts";
import type { TestUser } from "../../../testing/client.ts";
import { createUseCase, type ErrorBody, type RoleFixture, setUpRoles } from "./test-fixtures.ts";

const words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima"];
const priorities = ["lowest", "low", "medium", "high", "highest"] as const;
const COUNT = 30;

type Seeded = { i: number; useCase: UseCase; createdMicros: number; updatedMicros: number };

describe("use case list: visibility, filters, sorting and cursor pagination", () => {
  let app: TestApp;
  let f: RoleFixture;
  let statusIds: string[];
  const seeded: Seeded[] = [];

  beforeAll(async () => {
    app = await createTestApp();
    f = await setUpRoles(app, "list");
    const statuses = await f.admin.client.get<{ statuses: { id: string }[] }>(`/workspaces/${f.workspaceId}/statuses`);
    statusIds = statuses.body.statuses.map((s) => s.id);
    for (let i = 0; i < COUNT; i++) {
      const word = words[i % words.length] ?? "x";
      const useCase = await createUseCase(f.admin, f.base, {
        // Same word in different case: equal sort keys, so the id must break the tie.
        title: i % 2 === 0 ? `Case ${word}` : `case ${word.toUpperCase()}`,
        description: i === 7 ? "Mentions 100% coverage" : i === 8 ? "Mentions 100 percent" : "",
        priority: priorities[i % priorities.length],
        statusId: statusIds[i % 3],
        assigneeId: i % 4 === 0 ? f.member.id : i % 4 === 1 ? f.otherMember.id : null,
        tags: [...(i % 2 === 0 ? ["even"] : []), ...(i % 3 === 0 ? ["three"] : [])],
        targetDate: i % 3 === 0 ? null : `2025-0${(i % 4) + 1}-1${i % 2}`,
        businessValue: (i * 7) % 21,
        timeCriticality: (i * 3) % 11,
        riskReduction: i % 5,
        jobSize: i % 4 === 0 ? null : (i % 3) + 1,
        visibility: i % 5 === 0 ? "assigned" : "public",
      });
      // Timestamps with ties and differences below a millisecond, which a cursor must keep apart.
      const createdMicros = Math.floor(i / 3) * 1_000_000 + (i % 2);
      const updatedMicros = Math.floor((COUNT - i) / 4) * 1_000 + (i % 3);
      seeded.push({ i, useCase, createdMicros, updatedMicros });
    }
    for (const s of seeded) {
      await app.deps.db
        .updateTable("use_cases")
        .set({
          created_at: sql`timestamptz '2025-01-01 00:00:00+00' + ${s.createdMicros} * interval '1 microsecond'`,
          updated_at: sql`timestamptz '2025-02-01 00:00:00+00' + ${s.updatedMicros} * interval '1 microsecond'`,
        })
        .where("id", "=", s.useCase.id)
        .execute();
    }
  });
  afterAll(async () => app.close());

  async function walk(user: TestUser, query: string, limit: number): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `${f.base}?${query}${query ? "&" : ""}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const response = await user.client.get<UseCaseList>(url);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body.useCases.length).toBeLessThanOrEqual(limit);
      ids.push(...response.body.useCases.map((u) => u.id));
      cursor = response.body.nextCursor;
      pages += 1;
      expect(pages).toBeLessThan(100);
    } while (cursor !== null);
    return { ids, pages };
  }

  const ids = (predicate: (s: Seeded) => boolean) => seeded.filter(predicate).map((s) => s.useCase.id).sort();

  const sortValue: Record<string, (s: Seeded) => string | number | null> = {
    updated: (s) => s.updatedMicros,
    created: (s) => s.createdMicros,
    title: (s) => s.useCase.title.toLowerCase(),
    wsjf: (s) => s.useCase.wsjf,
    priority: (s) => priorities.indexOf(s.useCase.priority),
    targetDate: (s) => s.useCase.targetDate,
    number: (s) => s.useCase.number,
  };

  function expectedOrder(sort: UseCaseSort): string[] {
    const descending = sort.startsWith("-");
    const value = sortValue[descending ? sort.slice(1) : sort];
    if (!value) throw new Error(sort);
    const direction = descending ? -1 : 1;
    return [...seeded]
      .sort((a, b) => {
        const [va, vb] = [value(a), value(b)];
        if (va === null || vb === null) {
          if (va !== vb) return va === null ? 1 : -1;
        } else if (va !== vb) return (va < vb ? -1 : 1) * direction;
        return (a.useCase.id < b.useCase.id ? -1 : 1) * direction;
      })
      .map((s) => s.useCase.id);
  }

  it("walks every sort key across pages in the right order, nulls last, with no duplicates or gaps", async () => {
    const sorts: UseCaseSort[] = ["updated", "-updated", "created", "-created", "title", "-title", "wsjf", "-wsjf", "priority", "-priority", "targetDate", "-targetDate", "number", "-number"];
    for (const sort of sorts) {
      const { ids: walked, pages } = await walk(f.admin, `sort=${sort}`, 7);
      expect(new Set(walked).size, sort).toBe(COUNT);
      expect(walked, sort).toEqual(expectedOrder(sort));
      expect(pages, sort).toBe(Math.ceil(COUNT / 7));
    }
  });

  it("sorts by -updated by default and pages with a 50 default limit", async () => {
    const first = await f.admin.client.get<UseCaseList>(f.base);
    expect(first.body.useCases.map((u) => u.id)).toEqual(expectedOrder("-updated"));
    expect(first.body.nextCursor).toBeNull();
  });

  it("applies visibility in the query: Visitors see public only, Members also theirs, Admins and Moderators all", async () => {
    const publicIds = ids((s) => s.useCase.visibility === "public");
    const extra = await createUseCase(f.admin, f.base, { title: "Member via members list", visibility: "assigned", memberIds: [f.member.id] });
    try {
      expect((await walk(f.visitor, "", 4)).ids.sort()).toEqual(publicIds);
      expect((await walk(f.member, "", 4)).ids.sort()).toEqual(
        [...ids((s) => s.useCase.visibility === "public" || s.useCase.assignee?.id === f.member.id), extra.id].sort(),
      );
      expect((await walk(f.otherMember, "", 4)).ids.sort()).toEqual(
        ids((s) => s.useCase.visibility === "public" || s.useCase.assignee?.id === f.otherMember.id),
      );
      expect((await walk(f.moderator, "", 100)).ids).toHaveLength(COUNT + 1);
      expect((await f.outsider.client.get(f.base)).status).toBe(404);
    } finally {
      await f.admin.client.delete(`${f.base}/${extra.id}`);
    }
  });

  it("filters by status (repeated or comma list), assignee, tags, text and visibility", async () => {
    const [s0, s1] = [statusIds[0] ?? "", statusIds[1] ?? ""];
    const cases: [string, string[]][] = [
      [`status=${s0}`, ids((s) => s.i % 3 === 0)],
      [`status=${s0},${s1}`, ids((s) => s.i % 3 !== 2)],
      [`status=${s0}&status=${s1}`, ids((s) => s.i % 3 !== 2)],
      [`assignee=none`, ids((s) => s.useCase.assignee === null)],
      [`assignee=${f.otherMember.id}`, ids((s) => s.useCase.assignee?.id === f.otherMember.id)],
      [`assignee=me`, []],
      [`tag=even`, ids((s) => s.i % 2 === 0)],
      [`tag=EVEN&tag=three`, ids((s) => s.i % 6 === 0)],
      [`tag=even,three`, ids((s) => s.i % 6 === 0)],
      [`q=${encodeURIComponent("100%")}`, ids((s) => s.i === 7)],
      [`q=100`, ids((s) => s.i === 7 || s.i === 8)],
      [`q=HOTEL`, ids((s) => s.useCase.title.toLowerCase().includes("hotel"))],
      [`q=_`, []],
      [`q=${encodeURIComponent("%")}`, ids((s) => s.i === 7)],
      [`q=`, ids(() => true)],
      [`visibility=assigned`, ids((s) => s.useCase.visibility === "assigned")],
      [`status=${s0}&tag=even&visibility=public`, ids((s) => s.i % 3 === 0 && s.i % 2 === 0 && s.i % 5 !== 0)],
    ];
    for (const [query, expected] of cases) {
      expect((await walk(f.admin, query, 4)).ids.sort(), query).toEqual(expected);
    }
    expect((await walk(f.member, "assignee=me", 3)).ids.sort()).toEqual(ids((s) => s.useCase.assignee?.id === f.member.id));
  });

  it("counts per status agree with the list, for every role and filter", async () => {
    type Counts = { total: number; byStatus: { statusId: string; count: number }[] };
    for (const [user, query] of [
      [f.admin, ""],
      [f.visitor, ""],
      [f.member, "tag=even"],
      [f.admin, `assignee=${f.otherMember.id}&q=case`],
    ] as const) {
      const counts = await user.client.get<Counts>(`/workspaces/${f.workspaceId}/use-case-counts?${query}`);
      expect(counts.status).toBe(200);
      const walked = await walk(user, query, 100);
      expect(counts.body.total, query).toBe(walked.ids.length);
      expect(counts.body.byStatus.length, query).toBeGreaterThan(0);
      expect(counts.body.byStatus.reduce((sum, { count }) => sum + count, 0), query).toBe(counts.body.total);
      for (const { statusId, count } of counts.body.byStatus) {
        const inStatus = await walk(user, `${query}&status=${statusId}`, 100);
        expect(count, `${query} ${statusId}`).toBe(inStatus.ids.length);
      }
    }
    // Anchored to what was seeded, not only to the list endpoint: the admin sees every use case.
    const adminCounts = await f.admin.client.get<Counts>(`/workspaces/${f.workspaceId}/use-case-counts`);
    expect(adminCounts.body.total).toBe(seeded.length);
    expect(Object.fromEntries(adminCounts.body.byStatus.map(({ statusId, count }) => [statusId, count]))).toEqual(
      Object.fromEntries(statusIds.slice(0, 3).map((statusId, index) => [statusId, seeded.filter((s) => s.i % 3 === index).length])),
    );
    expect((await f.outsider.client.get(`/workspaces/${f.workspaceId}/use-case-counts`)).status).toBe(404);
  });

  it("pages a filtered list sorted by WSJF without losing rows", async () => {
    const { ids: walked } = await walk(f.admin, `sort=-wsjf&tag=even`, 2);
    expect(walked).toEqual(expectedOrder("-wsjf").filter((id) => seeded.find((s) => s.useCase.id === id && s.i % 2 === 0)));
  });

  it("refuses bad cursors and bad query parameters with 400 validation_failed", async () => {
    const page = await f.admin.client.get<UseCaseList>(`${f.base}?sort=title&limit=2`);
    const cursor = page.body.nextCursor ?? "";
    const forge = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString("base64url");
    const someId = seeded[0]?.useCase.id;
    const queries = [
      "cursor=!!!not-base64!!!",
      `cursor=${forge({ hello: "world" })}`,
      `sort=number&cursor=${encodeURIComponent(cursor)}`,
      `sort=-updated&cursor=${forge({ s: "-updated", v: "2024-02-30T00:00:00.000000Z", id: someId })}`,
      `sort=-updated&cursor=${forge({ s: "-updated", v: "yesterday", id: someId })}`,
      `sort=wsjf&cursor=${forge({ s: "wsjf", v: "1e999", id: someId })}`,
      `sort=targetDate&cursor=${forge({ s: "targetDate", v: "2025-13-01", id: someId })}`,
      `sort=number&cursor=${forge({ s: "number", v: "99999999999", id: someId })}`,
      `sort=number&cursor=${forge({ s: "number", v: "1", id: "not-a-uuid" })}`,
      "limit=0",
      "limit=101",
      "limit=ten",
      "sort=bogus",
      "status=nope",
      "assignee=bob",
      "visibility=secret",
      `tag=${"x".repeat(41)}`,
    ];
    for (const query of queries) {
      const response = await f.admin.client.get<ErrorBody>(`${f.base}?${query}`);
      expect([query, response.status, response.body.error.code]).toEqual([query, 400, "validation_failed"]);
    }
    const next = await f.admin.client.get<UseCaseList>(`${f.base}?sort=title&limit=2&cursor=${encodeURIComponent(cursor)}`);
    expect(next.body.useCases.map((u) => u.id)).toEqual(expectedOrder("title").slice(2, 4));
  });
});
