import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from "vitest";
import { freePort } from "../server/demo/start-demo.ts";
import type { RunningProduct } from "../server/run.ts";
import { startSmtpInbox } from "../server/testing/smtp-inbox.ts";
import { type CommandLineProduct, runProductFromCommandLine } from "./support/command-line-product.ts";
import { createWorkspace, fillSignUp } from "./support/sign-up.ts";

type Inbox = Awaited<ReturnType<typeof startSmtpInbox>>;

describe("browser: optional email verification with real mail", () => {
  let running: CommandLineProduct | undefined;
  let inbox: Inbox;
  let product: RunningProduct | null = null;
  let page: Page;

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    // Mailed links point at PORT when PUBLIC_URL is unset, so the port must be known up front.
    const port = await freePort("127.0.0.1");
    running = await runProductFromCommandLine({
      argv: [],
      env: { PORT: String(port), MAIL_TRANSPORT: "smtp", SMTP_URL: inbox.url, MAIL_FROM: "tether@example.test" },
      viewport: { width: 1280, height: 900 },
    });
    ({ product, page } = running);
  }, 120_000);

  afterAll(async () => {
    await running?.stop();
    await inbox?.stop();
  });

  test("a new account works unverified with a notice, and the mailed link confirms it", { timeout: 90_000 }, async () => {
    onTestFailed(async () => running?.screenshotOnFailure("email-verification-failure"));
    if (!product) throw new Error("not running");
    await page.goto(`${product.tether.url}/signup`);
    await fillSignUp(page, { name: "Yara Young", email: "yara@example.test" });
    await createWorkspace(page, "Mail space");
    await page.getByTestId("email-verification-notice").waitFor();

    const mailedLink = () => inbox.received.find((mail) => mail.to.includes("yara@example.test"))?.raw.replace(/=\r?\n/g, "").match(/http:\/\/\S+\/verify-email\/[A-Za-z0-9_-]{40,}/)?.[0];
    await expect.poll(mailedLink, { timeout: 15_000 }).toBeTruthy();
    const link = mailedLink() ?? "";
    await page.goto(link);
    await page.getByTestId("verify-email-submit").click();
    await page.getByTestId("verify-email-done").waitFor();
    await page.goto(`${product.tether.url}/`);
    await page.waitForURL(/\/w\/[0-9a-f-]+\/use-cases$/);
    await page.getByTestId("nav-use-cases").waitFor();
    expect(await page.getByTestId("email-verification-notice").count()).toBe(0);
  });
});
