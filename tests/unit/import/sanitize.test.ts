/**
 * The sanitizer's own rules (main/import/sanitize.ts), one by one, and the properties that make an
 * HTML-parser sanitizer safe to show in a browser: its output sanitizes to itself, and the text it
 * reads is the text a browser's HTML5 parser reads from the stored HTML (jsdom standing for Chromium),
 * so highlights land where they should. The hostile fixtures themselves run in hostile.test.ts,
 * hostile-http.test.ts (saved by address, full text) and tests/e2e/hostile.spec.ts (real Chromium).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readableText } from '../../../main/import/html-text';
import { withRemoteImages } from '../../../main/import/remote-images';
import { sanitizeArticle, sanitizeHtml } from '../../../main/import/sanitize';
import { dangers, runsSomething } from '../../fixtures/hostile-checks';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const fixtures = path.resolve('tests', 'fixtures', 'hostile');
const pages = readdirSync(fixtures).filter((f) => f.endsWith('.html')).sort();

function browserText(html: string): string {
  return readableText(new JSDOM(`<body>${html}</body>`).window.document.body);
}

describe('the sanitizer on hostile pages', () => {
  for (const name of pages) {
    it(`${name}: its output sanitizes to itself, and a browser reads the text that was stored`, () => {
      const raw = readFileSync(path.join(fixtures, name), 'utf8');
      // The fixture is hostile at all: unsanitized, it runs or loads something.
      expect(dangers(raw).filter((d) => !d.startsWith('a trace'))).not.toEqual([]);
      const { html, text } = sanitizeArticle(raw);
      expect(sanitizeHtml(html)).toBe(html);
      expect(browserText(html)).toBe(text);
    });
  }

  // Vectors that cannot sit in a fixture page: they swallow or reshape the rest of the document.
  const swallowing: Record<string, string> = {
    plaintext: '<p>قبل</p><plaintext><img src=x onerror=window.__hostile=1></plaintext><p>بعد</p>',
    'unclosed comment': '<p>قبل</p><!--<img src=x onerror=window.__hostile=1>',
    'unclosed style': '<p>قبل</p><style><img src=x onerror=window.__hostile=1>',
    'unclosed textarea': '<p>قبل</p><textarea><img src=x onerror=window.__hostile=1>',
    'unclosed attribute': '<p>قبل</p><p title="<img src=x onerror=window.__hostile=1>',
    'nested forms in math': '<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=window.__hostile=1 src>">',
    'body and html attributes': '<body onload="window.__hostile=1"><html onclick="window.__hostile=2"><p>نص</p>',
  };
  for (const [name, html] of Object.entries(swallowing)) {
    it(`${name}: runs nothing, loads nothing`, () => {
      const out = sanitizeHtml(html);
      expect(dangers(out)).toEqual([]);
      expect(runsSomething(out)).toBe(false);
      expect(sanitizeHtml(out)).toBe(out);
    });
  }
});

describe('the sanitizer keeps what is safe', () => {
  it('keeps web links, marked to open outside, and drops every other scheme and fragment', () => {
    const { html, text } = sanitizeArticle('<p><a href=" https://example.org/a " target="_blank" rel="opener">أ</a> <a href="mailto:x@example.org">ب</a> <a href="#top">ج</a> <a href="java\tscript:x()">د</a></p>');
    expect(html).toBe('<p><a href="https://example.org/a" rel="noopener noreferrer">أ</a> <a>ب</a> <a>ج</a> <a>د</a></p>');
    expect(text).toBe('أ ب ج د');
  });

  it('keeps raster images embedded as data: URIs, and a remote image reads as its alt text', () => {
    const svgAsPng = `data:image/png;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64')}`;
    const out = sanitizeArticle(`<p><img src="${PNG}" alt="مضمنة" width="10"> <img src="https://t.example/a.png" alt=" صورة   بعيدة "> <img src="${svgAsPng}" alt="svg"> <img src="https://t.example/b.png"></p>`);
    expect(out.html).toBe(`<p><img src="${PNG}" alt="مضمنة" width="10" /> <span>صورة بعيدة</span> <span>svg</span> </p>`);
    expect(out.images).toBe(1);
    expect(out.text).toBe('صورة بعيدة svg');
  });

  it('gives a remote image downloaded beforehand its bytes, and no other', () => {
    const out = withRemoteImages({ resolve: (url) => (url === 'https://t.example/a.png' ? PNG : null) }, () =>
      sanitizeArticle('<img src="https://t.example/a.png" alt="أ"><img src="https://t.example/b.png" alt="ب">'));
    expect(out.html).toBe(`<img src="${PNG}" alt="أ" /><span>ب</span>`);
  });

  it('keeps dir and lang, harmless styles, tables and lists; prefixes ids and names', () => {
    const html = '<section dir="rtl" lang="ar"><h2 id="t">عنوان</h2><ol start="3"><li>أ</li></ol><table><tbody><tr><td colspan="2" style="color: red">خلية</td></tr></tbody></table><a name="n">مرساة</a></section>';
    expect(sanitizeHtml(html)).toBe('<section dir="rtl" lang="ar"><h2 id="user-content-t">عنوان</h2><ol start="3"><li>أ</li></ol><table><tbody><tr><td colspan="2" style="color: red">خلية</td></tr></tbody></table><a name="user-content-n">مرساة</a></section>');
  });

  it('drops what a form, a frame or media would show, keeps the text of unknown elements', () => {
    const { text } = sanitizeArticle('<p>أ<button>زر</button><select><option>خيار</option></select><x-card>ب</x-card><video>فيديو</video></p>');
    expect(text).toBe('أب');
  });

  it('reads line breaks as a browser does: CR LF and lone CR are LF, NUL is no character', () => {
    const { html, text } = sanitizeArticle('<pre>a\r\nb\rc</pre><p>d\u0000e</p>');
    expect(html).toBe('<pre>a\nb\nc</pre><p>de</p>');
    expect(text).toBe('a\nb\nc\n\nde');
    expect(browserText(html)).toBe(text);
  });
});
