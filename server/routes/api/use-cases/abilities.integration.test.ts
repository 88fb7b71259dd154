import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UseCase, UseCaseList } from "../../../../common/contracts/use-cases.ts";
import { createTestApp, type TestApp } from "../../../testing/app.ts";
import type { TestUser } from "../../../testing/client.ts";
import { createUseCase, type RoleFixture, setUpRoles, type UseCaseBody } from "./test-fixtures.ts";

describe("use cases carry the caller's abilities, decided by the policy", () => {
  let app: TestApp;
  let f: RoleFixture;
  let assigned: UseCase;
  beforeAll(async () => {
    app = await createTestApp();
    f = await setUpRoles(app, "abilities");
    assigned = await createUseCase(f.admin, f.base, { title: "Member's", assigneeId: f.member.id });
  });
  afterAll(async () => app.close());

  const expected: [string, () => TestUser, UseCase["abilities"]][] = [
    ["admin", () => f.admin, { read: true, update: true, delete: true, comment: true, link: true, sync: true }],
    ["moderator", () => f.moderator, { read: true, update: true, delete: true, comment: true, link: true, sync: true }],
    ["assigned member", () => f.member, { read: true, update: true, delete: false, comment: true, link: true, sync: true }],
    ["other member", () => f.otherMember, { read: true, update: false, delete: false, comment: false, link: false, sync: false }],
    ["visitor", () => f.visitor, { read: true, update: false, delete: false, comment: false, link: false, sync: false }],
  ];

  it.each(expected)("%s: the same abilities on the detail, the list, after an update", async (_who, user, abilities) => {
    const detail = await user().client.get<UseCaseBody>(`${f.base}/${assigned.id}`);
    expect(detail.body.useCase.abilities).toEqual(abilities);
    const list = await user().client.get<UseCaseList>(f.base);
    expect(list.body.useCases.find((u) => u.id === assigned.id)?.abilities).toEqual(abilities);
    if (abilities.update) {
      const current = (await user().client.get<UseCaseBody>(`${f.base}/${assigned.id}`)).body.useCase;
      const updated = await user().client.patch<UseCaseBody>(`${f.base}/${assigned.id}`, { version: current.version, tags: [`by-${current.version}`] });
      expect(updated.body.useCase.abilities).toEqual(abilities);
    }
  });

  it("a Member who creates a use case may edit it from the start", async () => {
    const created = await createUseCase(f.otherMember, f.base, { title: "Mine" });
    expect(created.abilities).toMatchObject({ update: true, delete: false, link: true });
  });
});
