/**
 * Hostile pages (tests/fixtures/hostile/*.html, one trick each; the end-to-end suite opens the same
 * files in the real UI): after import, the stored HTML can neither run nor load anything.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { isRasterDataUri } from '../../../main/import/image-data';
import { importPaths } from '../../../main/import/importer';
import { sanitizeArticle } from '../../../main/import/sanitize';
import { MemorySink } from './helpers';

const fixtures = path.resolve(process.cwd(), 'tests', 'fixtures', 'hostile');
const pages = readdirSync(fixtures).filter((f) => f.endsWith('.html')).sort();

const FORBIDDEN_ELEMENTS = 'script, iframe, frame, frameset, object, embed, applet, param, form, input, button, select, textarea, '
  + 'style, link, meta, base, svg, math, video, audio, source, track, noscript, template, portal, canvas, area, map, sahifa-removed-iframe, sahifa-removed-frame';

/** Everything a browser could execute or fetch from this HTML, as readable complaints. */
function dangers(html: string): string[] {
  const found: string[] = [];
  const doc = new JSDOM(`<body>${html}</body>`).window.document;
  for (const el of Array.from(doc.querySelectorAll(FORBIDDEN_ELEMENTS))) found.push(`<${el.tagName.toLowerCase()}>`);
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    for (const { name, value } of Array.from(el.attributes)) {
      const squeezed = value.replace(/[\s\p{Cc}]+/gu, '').toLowerCase();
      if (name.startsWith('on')) found.push(`${tag}[${name}]`);
      if (['srcset', 'target', 'ping', 'formaction', 'action', 'poster', 'background', 'xlink:href', 'http-equiv'].includes(name)) found.push(`${tag}[${name}]`);
      if (/javascript:|vbscript:|data:text\/html/.test(squeezed)) found.push(`${tag}[${name}=${value.slice(0, 40)}]`);
      if (/url\(/.test(squeezed)) found.push(`${tag}[${name}] with url()`);
      const isWebLink = tag === 'a' && name === 'href' && /^https?:\/\//i.test(value);
      const isEmbeddedImage = tag === 'img' && name === 'src' && isRasterDataUri(value);
      if (tag === 'img' && name === 'src' && !isEmbeddedImage) found.push(`img[src=${value.slice(0, 40)}]`);
      if (name === 'href' && !isWebLink) found.push(`${tag}[href=${value.slice(0, 40)}]`);
      if (!isWebLink && !isEmbeddedImage && /http|\/\//.test(squeezed)) found.push(`${tag}[${name}=${value.slice(0, 40)}]`);
      if (/position:(fixed|absolute|sticky)/.test(squeezed)) found.push(`${tag}[style] positioned`);
    }
    if (tag === 'a' && el.hasAttribute('href') && el.getAttribute('rel') !== 'noopener noreferrer') found.push('a without rel=noopener noreferrer');
  }
  if (/evil\.example|__hostile/.test(html)) found.push('a trace of the payload');
  return found;
}

/** Runs the HTML in a DOM that executes scripts and handlers: nothing may set window.__hostile. */
function runsSomething(html: string): boolean {
  const dom = new JSDOM(`<!DOCTYPE html><body>${html}</body>`, { runScripts: 'dangerously' });
  const { window } = dom;
  for (const el of Array.from(window.document.querySelectorAll('*'))) {
    for (const type of ['load', 'error', 'click', 'mouseover', 'focus', 'toggle']) el.dispatchEvent(new window.Event(type));
  }
  const ran = (window as unknown as { __hostile?: unknown }).__hostile !== undefined;
  window.close();
  return ran;
}

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
    expect(images?.html).toMatch(/<img src="data:image\/png;base64,[^"]+" alt="صورة مضمنة">/);
    expect(links?.html).toContain('<a href="https://www.example.org/news/1" rel="noopener noreferrer">رابط عادي</a>');
    // A remote picture reads as its description.
    expect(remote?.text).toContain('بكسل تتبع');
    expect(remote?.text).toContain('صورة الخبر');
    expect(sanitizeArticle('<p dir="rtl" lang="ar">نص</p>').html).toBe('<p dir="rtl" lang="ar">نص</p>');
  });
});
