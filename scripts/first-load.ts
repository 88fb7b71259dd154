import { formatFirstLoad, measureFirstLoad } from "../e2e/support/first-load.ts";
import { startProduct } from "../e2e/support/product.ts";
import startTestPostgres from "../server/testing/global-setup.ts";

/**
 * `npx tsx scripts/first-load.ts`: builds the UI if needed, starts Tether on a scratch database and
 * prints the compressed bytes Chromium downloads to show the sign-in page with an empty cache.
 */
const stopPostgres = await startTestPostgres();
try {
  const product = await startProduct();
  try {
    console.log(formatFirstLoad(await measureFirstLoad(product.browser, product.tether.url, "/login", "[data-testid=login-submit]")));
  } finally {
    await product.stop();
  }
} finally {
  await stopPostgres();
}
