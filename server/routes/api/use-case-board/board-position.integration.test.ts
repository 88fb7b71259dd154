import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UseCase } from "../../../../common/contracts/use-cases.ts";
import { createTestApp, type TestApp } from "../../../testing/app.ts";
import type { TestUser } from "../../../testing/client.ts";
import { createUseCase, type ErrorBody, type RoleFixture, setUpRoles, type UseCaseBody, useCaseHistory, workspaceStatuses } from "../use-cases/test-fixtures.ts";

describe("board: moving cards (status + place in the column)", () => {
  let app: TestApp;
  let f: RoleFixture;
  let statuses: { id: string; name: string }[];
  beforeAll(async () => {
    app = await createTestApp();
    f = await setUpRoles(app, "board");
    statuses = await workspaceStatuses(f);
  });
  afterAll(async () => app.close());

  const first = () => statuses[0]!.id;
  const second = () => statuses[1]!.id;
  const move = (user: TestUser, useCase: { id: string }, body: Record<string, unknown>) =>
    user.client.put<UseCaseBody & ErrorBody>(`${f.base}/${useCase.id}/board-position`, body);
  const column = async (statusId: string) =>
    (await f.admin.client.get<{ useCases: UseCase[] }>(`${f.base}?status=${statusId}&sort=boardRank&limit=100`)).body.useCases.map((u) => u.title);
  const fresh = async (prefix: string, count: number) => {
    const cards: UseCase[] = [];
    for (let i = 0; i < count; i++) cards.push(await createUseCase(f.admin, f.base, { title: `${prefix}${i}`, assigneeId: f.member.id }));
    return cards;
  };
  const titles = async (statusId: string, prefix: string) => (await column(statusId)).filter((t) => t.startsWith(prefix));

  it("reorders within a column (unplaced cards first get ranks) without a new version or history", async () => {
    const [a, b, c] = await fresh("order-", 3);
    // Never placed: they follow the placed cards in id order. Place them a, b, c at the end.
    expect((await move(f.admin, a!, { statusId: first(), version: 1 })).status).toBe(200);
    expect((await move(f.admin, b!, { statusId: first(), afterUseCaseId: a!.id, version: 1 })).status).toBe(200);
    expect((await move(f.admin, c!, { statusId: first(), afterUseCaseId: b!.id, version: 1 })).status).toBe(200);
    expect(await titles(first(), "order-")).toEqual(["order-0", "order-1", "order-2"]);
    expect((await column(first())).at(-1)).toBe("order-2");
    // c to the top of these three (by the assigned Member), then b right after c.
    const moved = await move(f.member, c!, { statusId: first(), beforeUseCaseId: a!.id, version: c!.version });
    expect(moved.status).toBe(200);
    expect(moved.body.useCase.version).toBe(c!.version);
    expect(await titles(first(), "order-")).toEqual(["order-2", "order-0", "order-1"]);
    expect((await move(f.admin, b!, { statusId: first(), afterUseCaseId: c!.id, version: 1 })).status).toBe(200);
    expect(await titles(first(), "order-")).toEqual(["order-2", "order-1", "order-0"]);
    expect((await useCaseHistory(f, b!.id)).map((h) => h.field)).toEqual(["created"]);
  });

  it("moving to another column changes the status through the normal write path (history, version) and places the card", async () => {
    const [x, y, z] = await fresh("cross-", 3);
    expect((await move(f.admin, x!, { statusId: second(), version: x!.version })).status).toBe(200);
    expect((await move(f.admin, y!, { statusId: second(), afterUseCaseId: x!.id, version: y!.version })).status).toBe(200);
    const zMoved = await move(f.member, z!, { statusId: second(), beforeUseCaseId: x!.id, version: z!.version });
    expect(zMoved.status).toBe(200);
    expect(zMoved.body.useCase.status.id).toBe(second());
    expect(zMoved.body.useCase.version).toBe(z!.version + 1);
    expect(await titles(second(), "cross-")).toEqual(["cross-2", "cross-0", "cross-1"]);
    const history = await useCaseHistory(f, z!.id);
    expect(history[0]).toMatchObject({ field: "status", source: "user" });
  });

  it("refuses a stale version on a status change, an unknown or moved neighbour, and callers who may not edit", async () => {
    const [p, q] = await fresh("refuse-", 2);
    const stale = await move(f.admin, p!, { statusId: second(), version: p!.version + 5 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("version_conflict");
    const gone = await move(f.admin, p!, { statusId: second(), beforeUseCaseId: q!.id, version: p!.version });
    expect(gone.status).toBe(409);
    expect(gone.body.error.code).toBe("conflict");
    expect((await move(f.admin, p!, { statusId: first(), beforeUseCaseId: p!.id, version: 1 })).status).toBe(400);
    expect((await move(f.otherMember, p!, { statusId: first(), version: 1 })).status).toBe(403);
    expect((await move(f.visitor, p!, { statusId: first(), version: 1 })).status).toBe(403);
    expect((await move(f.outsider, p!, { statusId: first(), version: 1 })).status).toBe(404);
    // Nothing of that changed the use case.
    const after = await f.admin.client.get<UseCaseBody>(`${f.base}/${p!.id}`);
    expect(after.body.useCase.status.id).toBe(first());
  });

  it("concurrent moves into the same gap never corrupt the order: every card keeps a distinct place", async () => {
    const cards = await fresh("race-", 8);
    const [anchorAbove, anchorBelow, ...movers] = cards;
    await move(f.admin, anchorAbove!, { statusId: second(), version: anchorAbove!.version });
    await move(f.admin, anchorBelow!, { statusId: second(), afterUseCaseId: anchorAbove!.id, version: anchorBelow!.version });
    const results = await Promise.all(
      movers.map((card) => move(f.admin, card, { statusId: second(), afterUseCaseId: anchorAbove!.id, beforeUseCaseId: anchorBelow!.id, version: card.version })),
    );
    expect(results.map((r) => r.status)).toEqual(movers.map(() => 200));
    const order = await titles(second(), "race-");
    expect(order).toHaveLength(8);
    expect(order[0]).toBe("race-0");
    expect(order.at(-1)).toBe("race-1");
    const ranks = await app.deps.db
      .selectFrom("use_cases")
      .select("board_rank")
      .where("workspace_id", "=", f.workspaceId)
      .where("title", "like", "race-%")
      .execute();
    expect(new Set(ranks.map((r) => r.board_rank)).size).toBe(8);
  });
});
