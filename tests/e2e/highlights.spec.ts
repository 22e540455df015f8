/**
 * Highlighting in the reading view, in Chromium: select an Arabic passage, highlight it from the
 * toolbar with a note, reload and find it drawn in place; the Markdown export says exactly what
 * was highlighted; axe finds nothing serious with highlights shown, in light and dark.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { api, expect, test } from './fixtures';

const NEWS_START = 'وأكد شمخاني خلال اللقاء';
const NOTE = 'موقف يستحق المتابعة';

interface Highlight {
  id: string;
  start: number;
  end: number;
  quote: string;
  color: string;
  note: string | null;
}


const reader = (page: Page) => page.locator('sahifa-article-reader');

async function openNews(page: Page): Promise<void> {
  await page.locator('button.row').filter({ hasText: NEWS_START }).click();
  await expect(reader(page).locator('article .body p').first()).toBeVisible();
}

/** Selects characters [from, to) of the article's first long paragraph, as a reader's drag does, and lets go. */
async function selectInFirstParagraph(page: Page, from: number, to: number): Promise<string> {
  return reader(page)
    .locator('article .body')
    .evaluate(
      (body, [start, end]) => {
        const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
        let node: Text | null = null;
        for (let next = walker.nextNode(); next !== null; next = walker.nextNode()) {
          if ((next as Text).data.length > 100) {
            node = next as Text;
            break;
          }
        }
        const root = body.getRootNode() as ShadowRoot & { getSelection(): Selection };
        document.getSelection()!.setBaseAndExtent(node!, start!, node!, end!);
        body.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true }));
        return (root.getSelection() ?? document.getSelection()!).toString();
      },
      [from, to],
    );
}

test('select a passage, highlight it with a note, and find it again after a reload and in the export', async ({ page }) => {
  await openNews(page);
  const selected = await selectInFirstParagraph(page, 4, 40);
  expect(selected.length).toBeGreaterThan(20);

  const toolbar = page.getByRole('toolbar', { name: 'تظليل النص المحدد' });
  await expect(toolbar).toBeVisible();
  await toolbar.getByRole('button', { name: 'ظلّل وأضف ملاحظة' }).click();

  const editor = page.getByRole('dialog', { name: 'التظليل' });
  await expect(editor).toBeVisible();
  await editor.getByRole('textbox', { name: 'ملاحظة على التظليل' }).fill(NOTE);
  await editor.getByRole('button', { name: 'احفظ الملاحظة' }).click();
  await expect(editor).toBeHidden();

  const mark = reader(page).locator('mark.reader-highlight');
  await expect(mark).toHaveCount(1);
  await expect(mark).toHaveAttribute('title', NOTE);
  await expect(mark).toHaveText(selected.trim());

  await page.reload();
  await openNews(page);
  await expect(mark).toHaveText(selected.trim());
  await expect(mark).toHaveAttribute('data-color', 'yellow');

  // Click it: recolour it.
  await mark.click();
  await page.getByRole('dialog', { name: 'التظليل' }).getByRole('button', { name: 'ظلّل بالـأخضر' }).click();
  await expect(mark).toHaveAttribute('data-color', 'green');
  await page.keyboard.press('Escape');

  const article = await api<{ id: number; title: string; source: string | null; url: string | null; published: string | null; imported: string; text: string }>(
    page,
    'getArticle',
    { id: Number(await reader(page).locator('article').getAttribute('data-id')) },
  );
  const [highlight] = await api<Highlight[]>(page, 'articleHighlights', { id: article.id });
  expect(highlight).toMatchObject({ quote: article.text.slice(highlight!.start, highlight!.end), color: 'green', note: NOTE });
  expect(highlight!.quote.trim()).toBe(selected.trim());

  const exported = await api<{ kind: string; content: string }>(page, 'exportHighlights', { article: article.id, format: 'md' });
  const front = [`title: ${JSON.stringify(article.title)}`];
  if (article.source) front.push(`source: ${JSON.stringify(article.source)}`);
  if (article.url) front.push(`url: ${JSON.stringify(article.url)}`);
  if (article.published) front.push(`published: ${JSON.stringify(article.published)}`);
  front.push(`imported: ${JSON.stringify(article.imported)}`);
  expect(exported.content).toBe(`---\n${front.join('\n')}\n---\n\n# ${article.title}\n\n> ${highlight!.quote.trim()}\n\n${NOTE}\n`);
});

test('the H key highlights the selection, and removing from the editor takes it away', async ({ page }) => {
  await openNews(page);
  await selectInFirstParagraph(page, 10, 30);
  await page.keyboard.press('h');
  const mark = reader(page).locator('mark.reader-highlight');
  await expect(mark).toHaveCount(1);
  await mark.click();
  await page.getByRole('dialog', { name: 'التظليل' }).getByRole('button', { name: 'أزل التظليل' }).click();
  await expect(mark).toHaveCount(0);
});

test('the export menu offers the highlights once there are some, and saves them as the API exports them', async ({ app, page }) => {
  test.skip(app.shell !== 'browser', 'the desktop app shows a save dialog');
  await openNews(page);
  const menuButton = reader(page).getByRole('button', { name: 'صدّر المقالة' });
  await menuButton.click();
  await expect(reader(page).getByRole('button', { name: 'صدّر التظليلات (Markdown)' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  await selectInFirstParagraph(page, 10, 30);
  await page.keyboard.press('h');
  await expect(reader(page).locator('mark.reader-highlight')).toHaveCount(1);
  await menuButton.click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    reader(page).getByRole('button', { name: 'صدّر التظليلات (Markdown)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.md$/);
  const { readFile } = await import('node:fs/promises');
  const saved = await readFile(await download.path(), 'utf8');
  const id = Number(await reader(page).locator('article').getAttribute('data-id'));
  const exported = await api<{ content: string }>(page, 'exportHighlights', { article: id, format: 'md' });
  expect(saved).toBe(exported.content);
  await expect(page.locator('sahifa-notice-toast')).toContainText('حُفظت التظليلات');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`highlights of every colour pass axe in the ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openNews(page);
    const id = Number(await reader(page).locator('article').getAttribute('data-id'));
    for (const [i, color] of ['yellow', 'green', 'blue', 'pink'].entries()) {
      await api(page, 'addHighlight', { article: id, start: 10 + i * 30, end: 30 + i * 30, color, note: i === 0 ? NOTE : null });
    }
    await page.reload();
    await openNews(page);
    await expect(reader(page).locator('mark.reader-highlight')).toHaveCount(4);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });
}
