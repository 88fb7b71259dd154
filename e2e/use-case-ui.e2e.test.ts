import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from "vitest";
import { moveUseCaseOnBoard } from "../server/commands/use-case-board.ts";
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
  let board: { workspaceId: string; admin: SeededPerson };
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

    // A second workspace for the board: three cards placed A, B, C in "Idea".
    const team = await seedTeam(db, "Board space");
    board = { workspaceId: team.workspaceId, admin: team.people.admin };
    const caller = { userId: team.people.admin.id, role: "admin" as const, workspaceId: team.workspaceId };
    let above: string | null = null;
    for (const title of ["Board A", "Board B", "Board C"]) {
      const card = await createUseCase(db, caller, { title });
      await moveUseCaseOnBoard(db, caller, card.id, { statusId: card.status.id, afterUseCaseId: above, version: card.version });
      above = card.id;
    }
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

    // Pages opened by URL that the role may not use say so, without a request the API would refuse.
    const refused: string[] = [];
    for (const page of [member, visitor]) page.on("response", (response) => void (response.status() === 403 && refused.push(response.url())));
    await member.goto(`/w/${workspaceId}/settings/jira`);
    await member.getByTestId("read-only-notice").waitFor();
    expect(await member.getByTestId("read-only-notice").textContent()).toContain("Jira settings are for Admins and Moderators");
    expect(await member.getByTestId("jira-settings").count()).toBe(0);
    await visitor.goto(`/w/${workspaceId}/planning`);
    await visitor.getByTestId("read-only-notice").waitFor();
    expect(await visitor.getByTestId("read-only-notice").textContent()).toContain("Planning is not open to Visitors");
    expect(refused).toEqual([]);

    // An Admin sees no notice.
    const admin = pages[0];
    if (!admin) throw new Error("the Markdown test logs the Admin in");
    await admin.goto(detail);
    await admin.getByTestId("edit-use-case").waitFor();
    expect(await admin.getByTestId("read-only-notice").count()).toBe(0);
    expect(pageErrors.flat()).toEqual([]);
  });

  test("the board: drag cards with the mouse and with the keyboard, within a column and across; the order survives a reload", { timeout: 90_000 }, async () => {
    const admin = await newPage();
    onTestFailed(async () => product.screenshot(admin, "use-case-ui-board-failure").catch(() => undefined));
    await logInAs(admin, board.admin);
    await admin.goto(`/w/${board.workspaceId}/use-cases/board`);
    const column = (status: string) => admin.locator(`[data-testid="board-column"][data-status="${status}"]`);
    const titlesIn = (status: string) => column(status).getByTestId("board-card-title").allTextContents();
    const card = (title: string) => admin.getByTestId("board-card").filter({ hasText: title });
    await expect.poll(() => titlesIn("Idea")).toEqual(["Board A", "Board B", "Board C"]);
    // After a move the board refetches its columns; the next drag starts once that is done.
    let moveAnswered: Promise<unknown> = Promise.resolve();
    const expectMove = () => {
      moveAnswered = admin.waitForResponse((r) => r.url().includes("/board-position"));
    };
    const settled = async () => {
      await moveAnswered;
      await expect.poll(() => admin.locator('[data-testid="board-move"][data-loading]').count()).toBe(0);
      await admin.waitForTimeout(500);
    };

    const dragWithMouse = async (title: string, to: { x: number; y: number }) => {
      const handle = await card(title).getByTestId("board-drag-handle").boundingBox();
      if (!handle) throw new Error(`no drag handle on ${title}`);
      await admin.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
      await admin.mouse.down();
      expectMove();
      await admin.mouse.move(handle.x + 20, handle.y + 20, { steps: 5 });
      await admin.mouse.move(to.x, to.y, { steps: 15 });
      await admin.waitForTimeout(150);
      await admin.mouse.up();
    };

    // Mouse, within the column: C onto the top half of A → C, A, B.
    const aBox = await card("Board A").boundingBox();
    if (!aBox) throw new Error("no card A");
    await dragWithMouse("Board C", { x: aBox.x + aBox.width / 2, y: aBox.y + 5 });
    await expect.poll(() => titlesIn("Idea")).toEqual(["Board C", "Board A", "Board B"]);
    await settled();

    // Mouse, across: B into the empty "Evaluating" column.
    const evaluating = await column("Evaluating").boundingBox();
    if (!evaluating) throw new Error("no Evaluating column");
    await dragWithMouse("Board B", { x: evaluating.x + evaluating.width / 2, y: evaluating.y + 60 });
    await expect.poll(() => titlesIn("Evaluating")).toEqual(["Board B"]);
    await expect.poll(() => titlesIn("Idea")).toEqual(["Board C", "Board A"]);
    await settled();
    await product.screenshot(admin, "use-case-ui-board-mouse");

    // Keyboard: A's handle, Space to pick up, ArrowUp, Space to drop → A, C; a screen reader hears each step.
    await card("Board A").getByTestId("board-drag-handle").focus();
    expectMove();
    await admin.keyboard.press("Space");
    const liveRegion = admin.locator('[id^="DndLiveRegion"]');
    await expect.poll(() => liveRegion.textContent()).toContain("Picked up");
    await admin.waitForTimeout(200);
    await admin.keyboard.press("ArrowUp");
    await admin.waitForTimeout(300);
    await admin.keyboard.press("Space");
    await expect.poll(() => liveRegion.textContent()).toContain("was dropped in Idea");
    await expect.poll(() => titlesIn("Idea")).toEqual(["Board A", "Board C"]);
    await settled();

    // Keyboard, across: C to the right, into "Evaluating" beside B.
    await card("Board C").getByTestId("board-drag-handle").focus();
    expectMove();
    await admin.keyboard.press("Space");
    await admin.waitForTimeout(200);
    await admin.keyboard.press("ArrowRight");
    await admin.waitForTimeout(300);
    await admin.keyboard.press("Space");
    await expect.poll(() => titlesIn("Idea")).toEqual(["Board A"]);
    await expect.poll(async () => (await titlesIn("Evaluating")).sort()).toEqual(["Board B", "Board C"]);
    await settled();
    const evaluatingOrder = await titlesIn("Evaluating");

    // The order is the server's: a reload shows the same board, and the moves are in the history.
    await admin.reload();
    await expect.poll(() => titlesIn("Idea")).toEqual(["Board A"]);
    await expect.poll(() => titlesIn("Evaluating")).toEqual(evaluatingOrder);
    await product.screenshot(admin, "use-case-ui-board-reloaded");
    expect(pageErrors.flat()).toEqual([]);
  });
});
