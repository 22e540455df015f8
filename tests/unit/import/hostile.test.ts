/**
 * Hostile pages (tests/fixtures/hostile/*.html, one trick each; the end-to-end suite opens the same
 * files in the real UI): after import, the stored HTML can neither run nor load anything.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../../main/import/importer';
import { sanitizeArticle } from '../../../main/import/sanitize';
import { dangers, runsSomething } from '../../fixtures/hostile-checks';
import { MemorySink } from './helpers';

const fixtures = path.resolve(process.cwd(), 'tests', 'fixtures', 'hostile');
const pages = readdirSync(fixtures).filter((f) => f.endsWith('.html')).sort();

describe('hostile pages', () => {
  it('has a fixture for every trick the sanitizer must defeat', () => {
    expect(pages).toEqual(expect.arrayContaining([
      'script.html', 'img-onerror.html', 'onload-handlers.html', 'javascript-links.html', 'svg-onload.html', 'iframe.html',
      'object-embed.html', 'css-url-style-element.html', 'css-url-style-attribute.html', 'meta-refresh.html', 'base-href.html',
      'form.html', 'remote-img.html', 'srcset.html', 'data-text-html-link.html', 'svg-data-uri-image.html', 'link-target-ping.html',
    ]));
  });

  for (const name of pages) {
    it(`${name}: imports as a readable article with nothing that runs or loads`, async () => {
      const sink = new MemorySink();
      const report = await importPaths(sink, [path.join(fixtures, name)]);
      expect(report.failed).toEqual([]);
      const article = sink.articles[0];
      expect(article?.text).toContain('معرض الكتاب الدولي');
      expect(article?.dir).toBe('rtl');
      expect(dangers(article?.html ?? '')).toEqual([]);
      expect(runsSomething(article?.html ?? '')).toBe(false);
    });

    it(`${name}: the sanitizer alone (no Readability in front of it) defeats it too`, () => {
      const { html } = sanitizeArticle(readFileSync(path.join(fixtures, name), 'utf8'));
      expect(dangers(html)).toEqual([]);
      expect(runsSomething(html)).toBe(false);
    });
  }

  it('the checks above do catch what they look for', () => {
    // Guards against a checker that passes everything.
    expect(dangers('<img src="https://evil.example/x.png" onerror="x()">')).toEqual(expect.arrayContaining(['img[onerror]', 'img[src=https://evil.example/x.png]']));
    expect(dangers('<p style="background:url(https://x)">a</p><a href="javascript:x()">b</a><iframe></iframe>')).toHaveLength(6);
    expect(runsSomething('<img src="x" onerror="window.__hostile=1">')).toBe(true);
    expect(runsSomething('<script>window.__hostile=1</script>')).toBe(true);
  });

  it('keeps what is safe: embedded raster images, web links (marked), dir and lang', async () => {
    const sink = new MemorySink();
    await importPaths(sink, [path.join(fixtures, 'img-onerror.html'), path.join(fixtures, 'javascript-links.html'), path.join(fixtures, 'remote-img.html')]);
    const [images, links, remote] = sink.articles;
    expect(images?.html).toMatch(/<img src="data:image\/png;base64,[^"]+" alt="صورة مضمنة" \/>/);
    expect(links?.html).toContain('<a href="https://www.example.org/news/1" rel="noopener noreferrer">رابط عادي</a>');
    // A remote picture reads as its description.
    expect(remote?.text).toContain('بكسل تتبع');
    expect(remote?.text).toContain('صورة الخبر');
    expect(sanitizeArticle('<p dir="rtl" lang="ar">نص</p>').html).toBe('<p dir="rtl" lang="ar">نص</p>');
  });
});
