import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDelivery } from "./delivery.ts";
import { signBody, verifySignature } from "./signature.ts";

const capturesDir = path.resolve(import.meta.dirname, "../../../../shared/jira-webhooks");
const captures = readdirSync(capturesDir).filter((name) => name.endsWith(".json"));
const bytes = (text: string) => new TextEncoder().encode(text);

describe("parseDelivery", () => {
  it("finds the real captures", () => expect(captures.length).toBeGreaterThanOrEqual(10));

  for (const name of captures) {
    it(`parses the real capture ${name}`, () => {
      const raw = readFileSync(path.join(capturesDir, name));
      const json = JSON.parse(raw.toString("utf8")) as { webhookEvent: string; issue?: { id: string; key: string }; worklog?: { issueId: string } };
      const result = parseDelivery(raw);
      expect(result).toEqual({
        ok: true,
        summary: { event: json.webhookEvent, issueId: json.issue?.id ?? json.worklog?.issueId ?? null, issueKey: json.issue?.key ?? null, sprintId: null, linkedIssueId: null },
      });
      if (json.webhookEvent.startsWith("jira:issue") || json.webhookEvent.startsWith("comment")) expect(result.ok && result.summary.issueId).toMatch(/^\d+$/);
    });
  }

  it("refuses what is not JSON, and JSON that is not a delivery", () => {
    expect(parseDelivery(bytes("{not json"))).toEqual({ ok: false, reason: "malformed_json" });
    expect(parseDelivery(new Uint8Array([0xff, 0xfe, 0x7b]))).toEqual({ ok: false, reason: "malformed_json" });
    expect(parseDelivery(bytes("[]"))).toEqual({ ok: false, reason: "not_a_delivery" });
    expect(parseDelivery(bytes('{"issue":{"id":"1"}}'))).toEqual({ ok: false, reason: "not_a_delivery" });
  });

  it("ignores odd issue shapes instead of refusing the delivery", () => {
    expect(parseDelivery(bytes('{"webhookEvent":"jira:issue_updated","issue":{"id":{"x":1},"key":7}}'))).toEqual({ ok: true, summary: { event: "jira:issue_updated", issueId: null, issueKey: null, sprintId: null, linkedIssueId: null } });
    expect(parseDelivery(bytes('{"webhookEvent":"jira:issue_updated","issue":{"id":10001,"key":"A-1"}}'))).toEqual({ ok: true, summary: { event: "jira:issue_updated", issueId: "10001", issueKey: "A-1", sprintId: null, linkedIssueId: null } });
  });
});

describe("parseDelivery of sprint and issue-link events", () => {
  const sprint = { id: 37, self: "https://example.atlassian.net/rest/agile/1.0/sprint/37", state: "active", name: "Sprint 1", originBoardId: 5, goal: "" };

  it("keeps the sprint's id only", () => {
    for (const event of ["sprint_created", "sprint_started", "sprint_closed", "sprint_deleted"]) {
      expect(parseDelivery(bytes(JSON.stringify({ timestamp: 1, webhookEvent: event, sprint })))).toEqual({ ok: true, summary: { event, issueId: null, issueKey: null, sprintId: 37, linkedIssueId: null } });
    }
    const updated = { timestamp: 1, webhookEvent: "sprint_updated", sprint: { ...sprint, name: "New" }, oldValue: { ...sprint, id: 99 } };
    expect(parseDelivery(bytes(JSON.stringify(updated)))).toMatchObject({ ok: true, summary: { sprintId: 37 } });
    expect(parseDelivery(bytes('{"webhookEvent":"sprint_updated","sprint":{"id":"41"}}'))).toMatchObject({ ok: true, summary: { sprintId: 41 } });
    expect(parseDelivery(bytes('{"webhookEvent":"sprint_updated","sprint":{"id":{"x":1}}}'))).toMatchObject({ ok: true, summary: { sprintId: null } });
    // The column is an integer: an id out of its range is dropped, not a failed insert.
    expect(parseDelivery(bytes('{"webhookEvent":"sprint_updated","sprint":{"id":1e12}}'))).toMatchObject({ ok: true, summary: { sprintId: null } });
    // A sprint-shaped field on another event is not a sprint event.
    expect(parseDelivery(bytes(JSON.stringify({ webhookEvent: "board_updated", sprint })))).toMatchObject({ ok: true, summary: { sprintId: null } });
  });

  it("keeps both issue ids of a link, source first", () => {
    const issueLink = { id: 10010, sourceIssueId: 10002, destinationIssueId: 10001, issueLinkType: { id: 10000, name: "Blocks", outwardName: "blocks", inwardName: "is blocked by" }, systemLink: false };
    for (const event of ["issuelink_created", "issuelink_deleted"]) {
      expect(parseDelivery(bytes(JSON.stringify({ timestamp: 1, webhookEvent: event, issueLink })))).toEqual({ ok: true, summary: { event, issueId: "10002", issueKey: null, sprintId: null, linkedIssueId: "10001" } });
    }
    expect(parseDelivery(bytes('{"webhookEvent":"issuelink_created","issueLink":"odd"}'))).toMatchObject({ ok: true, summary: { issueId: null, linkedIssueId: null } });
  });
});

describe("verifySignature", () => {
  const body = bytes('{"webhookEvent":"jira:issue_updated"}');
  const secret = "s3cret";

  it("accepts the HMAC of the raw body, with the method from the prefix", () => {
    expect(verifySignature(signBody(secret, body), body, secret, { acceptUnsigned: false })).toEqual({ ok: true, signed: true });
    expect(verifySignature(signBody(secret, body).toUpperCase().replace("SHA256", "sha256"), body, secret, { acceptUnsigned: false })).toEqual({ ok: true, signed: true });
  });

  it("refuses a wrong secret, a changed body, a missing or odd header", () => {
    expect(verifySignature(signBody("other", body), body, secret, { acceptUnsigned: false })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifySignature(signBody(secret, body), bytes('{"webhookEvent": "jira:issue_updated"}'), secret, { acceptUnsigned: false })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifySignature(undefined, body, secret, { acceptUnsigned: false })).toEqual({ ok: false, reason: "missing" });
    expect(verifySignature("sha256=abc", body, secret, { acceptUnsigned: false })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifySignature("md5=abcd", body, secret, { acceptUnsigned: false })).toEqual({ ok: false, reason: "unsupported_method" });
    expect(verifySignature("sha256 abcd", body, secret, { acceptUnsigned: false })).toEqual({ ok: false, reason: "malformed" });
  });

  it("admits an unsigned delivery only in unsigned mode, and still checks a signature that is sent", () => {
    expect(verifySignature(undefined, body, secret, { acceptUnsigned: true })).toEqual({ ok: true, signed: false });
    expect(verifySignature(signBody("other", body), body, secret, { acceptUnsigned: true })).toEqual({ ok: false, reason: "mismatch" });
  });
});
