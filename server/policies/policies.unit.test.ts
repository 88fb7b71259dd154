import { describe, expect, it } from "vitest";
import { roleMay } from "./roles.ts";
import { type UseCaseAccessFacts, useCaseAbilities, useCaseMay } from "./use-cases.ts";

const me = "user-1";
const publicUnassigned: UseCaseAccessFacts = { visibility: "public", assigneeId: "other", memberIds: [] };
const publicAssigned: UseCaseAccessFacts = { visibility: "public", assigneeId: me, memberIds: [] };
const privateMember: UseCaseAccessFacts = { visibility: "assigned", assigneeId: "other", memberIds: [me] };
const privateOther: UseCaseAccessFacts = { visibility: "assigned", assigneeId: "other", memberIds: [] };

describe("integration permissions (the seed's table)", () => {
  it("only admins activate; admins and moderators set up, map fields and configure webhooks", () => {
    expect(roleMay("admin", "integration.activate")).toBe(true);
    expect(roleMay("moderator", "integration.activate")).toBe(false);
    for (const action of ["integration.setup", "integration.fieldMapping", "integration.webhook"] as const) {
      expect([roleMay("admin", action), roleMay("moderator", action), roleMay("member", action), roleMay("visitor", action)]).toEqual([
        true,
        true,
        false,
        false,
      ]);
    }
  });

  it("visitors see nothing of the integration", () => {
    expect(roleMay("visitor", "integration.view")).toBe(false);
    expect(useCaseMay("visitor", me, "integration.link", publicAssigned)).toBe(false);
    expect(useCaseMay("visitor", me, "integration.sync", publicAssigned)).toBe(false);
  });

  it("members link and sync only use cases assigned to them", () => {
    expect(useCaseMay("member", me, "integration.link", publicAssigned)).toBe(true);
    expect(useCaseMay("member", me, "integration.sync", privateMember)).toBe(true);
    expect(useCaseMay("member", me, "integration.link", publicUnassigned)).toBe(false);
  });

  it("moderators sync all public use cases but not others' assigned-only ones", () => {
    expect(useCaseMay("moderator", me, "integration.sync", publicUnassigned)).toBe(true);
    expect(useCaseMay("moderator", me, "integration.sync", privateOther)).toBe(false);
    expect(useCaseMay("admin", me, "integration.sync", privateOther)).toBe(true);
  });
});

describe("use-case rules", () => {
  it("members read public and assigned use cases, edit only assigned ones, never delete", () => {
    expect(useCaseMay("member", me, "read", publicUnassigned)).toBe(true);
    expect(useCaseMay("member", me, "read", privateOther)).toBe(false);
    expect(useCaseMay("member", me, "update", publicUnassigned)).toBe(false);
    expect(useCaseMay("member", me, "update", privateMember)).toBe(true);
    expect(useCaseMay("member", me, "delete", publicAssigned)).toBe(false);
  });

  it("visitors read public use cases only and change nothing", () => {
    expect(useCaseMay("visitor", me, "read", publicUnassigned)).toBe(true);
    expect(useCaseMay("visitor", me, "read", privateMember)).toBe(false);
    expect(useCaseMay("visitor", me, "comment", publicAssigned)).toBe(false);
    expect(useCaseMay("visitor", me, "update", publicAssigned)).toBe(false);
  });
});

describe("abilities (what the API tells the UI)", () => {
  it("answers every action by the same rule, with stable names", () => {
    expect(useCaseAbilities("member", me, publicAssigned)).toEqual({ read: true, update: true, delete: false, comment: true, link: true, sync: true });
    expect(useCaseAbilities("member", me, publicUnassigned)).toEqual({ read: true, update: false, delete: false, comment: false, link: false, sync: false });
    expect(useCaseAbilities("moderator", me, privateOther)).toEqual({ read: true, update: true, delete: true, comment: true, link: false, sync: false });
    expect(useCaseAbilities("visitor", me, publicAssigned)).toEqual({ read: true, update: false, delete: false, comment: false, link: false, sync: false });
  });
});
