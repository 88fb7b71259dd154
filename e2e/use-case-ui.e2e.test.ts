import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from "vitest";
import { createUseCase } from "../server/commands/use-cases.ts";
import { type ProductUnderTest, startProduct } from "./support/product.ts";
import { logInAs, type SeededPerson, seedTeam } from "./support/team-seed.ts";

const gfm = [
  "| Metric | Target |",
  "| --- | --- |",
  "| Downtime | -20% |",
  "",
  "- [x] sensors fitted",
  "- [ ] model trained",
  "",
  "~~manual checks~~ replaced, see https://example.test/plan",
].join("\n");

describe("browser: writing and reading use cases (Markdown, Enter, read-only notices)", () => {
  let product: ProductUnderTest;
  let workspaceId = "";
  let people: Record<"admin" | "moderator" | "member" | "visitor", SeededPerson>;
  let othersUseCaseId = "";
  const pages: Page[] = [];
  const pageErrors: string[][] = [];

  const newPage = async () => {
    const session = await product.newPage();
    pages.push(session.page);
    pageErrors.push(session.pageErrors);
    return session.page;
  };

  beforeAll(async () => {
    product = await startProduct();
    const db = product.tether.deps.db;
    ({ workspaceId, people } = await seedTeam(db, "Markdown space"));
    const other = await createUseCase(db, { userId: people.admin.id, role: "admin", workspaceId }, { title: "Someone else's use case", description: gfm });
    othersUseCaseId = other.id;
  });

  afterAll(async () => {
    await product?.stop();
  });

  test("descriptions render GitHub-flavoured Markdown (table, task list, strikethrough, autolink) in the detail page and the preview", { timeout: 60_000 }, async () => {
    const admin = await newPage();
    onTestFailed(async () => product.screenshot(admin, "use-case-ui-markdown-failure").catch(() => undefined));
    await logInAs(admin, people.admin);
    await admin.goto(`/w/${workspaceId}/use-cases/${othersUseCaseId}`);
    const description = admin.getByTestId("use-case-description");
    await description.locator("table").waitFor();
    expect(await description.locator("th").allTextContents()).toEqual(["Metric", "Target"]);
    expect(await description.locator("td").allTextContents()).toEqual(["Downtime", "-20%"]);
    const boxes = description.locator('input[type="checkbox"]');
    expect(await boxes.count()).toBe(2);
    expect(await boxes.nth(0).isChecked()).toBe(true);
    expect(await boxes.nth(1).isChecked()).toBe(false);
    expect(await description.locator("del").textContent()).toBe("manual checks");
    expect(await description.locator('a[href="https://example.test/plan"]').count()).toBe(1);
    await product.screenshot(admin, "use-case-ui-markdown");

    // The editor's preview renders the same way.
    await admin.getByTestId("edit-use-case").click();
    await admin.getByRole("tab", { name: "Preview" }).click();
    const preview = admin.getByTestId("markdown");
    await preview.locator("table").waitFor();
    expect(await preview.locator("del").count()).toBe(1);
    expect(await preview.locator('input[type="checkbox"]').count()).toBe(2);
  });

  test("Enter in Target date does not submit the half-filled form; Ctrl+Enter does", { timeout: 60_000 }, async () => {
    const member = await newPage();
    onTestFailed(async () => product.screenshot(member, "use-case-ui-enter-failure").catch(() => undefined));
    await logInAs(member, people.member);
    await member.goto(`/w/${workspaceId}/use-cases/new`);
    await member.getByTestId("use-case-title").fill("Enter must not submit");
    await member.getByLabel("Target date").fill("2027-03-31");
    await member.getByLabel("Target date").press("Enter");
    await member.getByTestId("use-case-title").press("Enter");
    // Still on the form: nothing was created.
    await member.waitForTimeout(500);
    expect(member.url()).toMatch(/\/use-cases\/new$/);
    await member.getByLabel("Business value").fill("8");
    await member.getByLabel("Job size").fill("2");
    await member.getByLabel("Job size").press("Control+Enter");
    await member.waitForURL(/\/use-cases\/[0-9a-f-]{36}$/);
    expect(await member.getByTestId("use-case-detail-title").textContent()).toBe("Enter must not submit");
  });

  test("a Member not assigned and a Visitor see why they cannot edit; /edit and /new show a notice instead of a form", { timeout: 60_000 }, async () => {
    const member = await newPage();
    const visitor = await newPage();
    onTestFailed(async () => {
      await product.screenshot(member, "use-case-ui-notice-member-failure").catch(() => undefined);
      await product.screenshot(visitor, "use-case-ui-notice-visitor-failure").catch(() => undefined);
    });
    const detail = `/w/${workspaceId}/use-cases/${othersUseCaseId}`;
    await logInAs(member, people.member);
    await member.goto(detail);
    const memberNotice = member.getByTestId("read-only-notice");
    await memberNotice.waitFor();
    expect(await memberNotice.textContent()).toContain("You are not assigned to this use case");
    expect(await member.getByTestId("edit-use-case").count()).toBe(0);
    expect(await member.getByTestId("comment-body").count()).toBe(0);
    await product.screenshot(member, "use-case-ui-notice-member");
    await member.goto(`${detail}/edit`);
    await member.getByTestId("read-only-notice").waitFor();
    expect(await member.getByTestId("read-only-notice").textContent()).toContain("You cannot edit UC-1");
    expect(await member.getByTestId("use-case-form").count()).toBe(0);

    await logInAs(visitor, people.visitor);
    await visitor.goto(detail);
    await visitor.getByTestId("read-only-notice").waitFor();
    expect(await visitor.getByTestId("read-only-notice").textContent()).toContain("You are a Visitor");
    await visitor.goto(`/w/${workspaceId}/use-cases/new`);
    await visitor.getByTestId("read-only-notice").waitFor();
    expect(await visitor.getByTestId("read-only-notice").textContent()).toContain("You cannot create use cases here");
    expect(await visitor.getByTestId("use-case-form").count()).toBe(0);
    await product.screenshot(visitor, "use-case-ui-notice-visitor");

    // An Admin sees no notice.
    const admin = pages[0];
    if (!admin) throw new Error("the Markdown test logs the Admin in");
    await admin.goto(detail);
    await admin.getByTestId("edit-use-case").waitFor();
    expect(await admin.getByTestId("read-only-notice").count()).toBe(0);
    expect(pageErrors.flat()).toEqual([]);
  });
});
