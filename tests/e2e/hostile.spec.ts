/**
 * Hostile pages (tests/fixtures/hostile: one trick each — script, event handlers, javascript:
 * links, SVG onload, iframes, remote CSS, meta refresh, …) imported and opened in the real UI:
 * nothing they carry may run, and nothing may load. The fixture fails the test on any request
 * outside the app's origin and on any console error; each page's payload would set
 * window.__hostile if it ran.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, root, test } from './fixtures';

const HOSTILE = path.join(root, 'tests', 'fixtures', 'hostile');
const pages = fs.readdirSync(HOSTILE).filter((name) => name.endsWith('.html'));

function titleOf(file: string): string {
  const match = /<title>([^<]*)<\/title>/.exec(fs.readFileSync(path.join(HOSTILE, file), 'utf8'));
  if (!match) throw new Error(`${file} has no <title>`);
  return match[1]!.trim();
}

test('hostile pages import, open, and run nothing', async ({ app, page }) => {
  test.setTimeout(120_000);
  const report = await app.importFile(HOSTILE);
  expect(report.failed).toEqual([]);
  expect(report.imported).toBe(pages.length);

  // Walk the whole list from the keyboard (j opens the next article): the list is virtualized,
  // so rows far down do not exist until the reader gets there.
  const expected = new Set(pages.map(titleOf));
  const seen = new Set<string>();
  await page.locator('button.row').first().click();
  const reader = page.locator('sahifa-article-reader article');
  let previous = '';
  for (let step = 0; step < report.imported + 2 && seen.size < expected.size; step++) {
    if (step > 0) {
      await page.keyboard.press('j');
      // The next article has replaced the previous one before it is looked at.
      await expect(reader.locator('h1')).not.toHaveText(previous);
    }
    await expect(reader.locator('h1')).not.toBeEmpty();
    const title = (await reader.locator('h1').textContent())?.trim() ?? '';
    previous = title;
    if (expected.has(title)) {
      await expect(reader.locator('.body p').first()).toBeVisible();
      // Give event handlers (onload, onerror, meta refresh) the chance they would take.
      await page.waitForTimeout(150);
      const state = await page.evaluate(() => {
        const host = document
          .querySelector('sahifa-app')
          ?.shadowRoot?.querySelector('sahifa-article-reader')
          ?.shadowRoot?.querySelector('sahifa-article-body')?.shadowRoot;
        const body = host?.querySelector('article .body');
        return {
          ran: (window as unknown as { __hostile?: unknown }).__hostile ?? null,
          dangerous: body ? body.querySelectorAll('script, iframe, frame, object, embed, form, meta, base, link, svg, style').length : -1,
          handlers: body ? [...body.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().filter((n) => n.startsWith('on'))).length : -1,
        };
      });
      expect(state, title).toEqual({ ran: null, dangerous: 0, handlers: 0 });
      seen.add(title);
    }
  }
  expect([...expected].filter((title) => !seen.has(title))).toEqual([]);
  // Still the app, after all of them: no page navigated it away.
  await expect(page.locator('sahifa-app')).toBeVisible();
});
