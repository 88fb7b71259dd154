import type { Page } from "playwright-core";

/**
 * Whether the page is wider than the screen (the user would have to scroll sideways), and if so
 * the outermost elements that stick out, to say what to fix. Scroll containers (a table inside
 * its own horizontal scroller) do not count: their overflow is clipped inside them.
 */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const culprits: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= innerWidth + 1) continue;
      const parent = element.parentElement;
      if (parent && parent.getBoundingClientRect().right > innerWidth + 1) continue;
      const testId = element.closest("[data-testid]")?.getAttribute("data-testid") ?? "";
      culprits.push(`${element.tagName.toLowerCase()}.${element.className.toString().split(" ")[0] ?? ""} in [${testId}] right=${Math.round(box.right)}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, culprits: culprits.slice(0, 8) };
  });
}
