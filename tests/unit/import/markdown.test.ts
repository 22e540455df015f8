import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../main/import/markdown';
import { sanitizeHtml } from '../../../main/import/sanitize';
import { bytes } from './helpers';

const md = (name: string, content: string) => parseMarkdown({ path: `/x/${name}`, name, bytes: bytes(content) });

describe('Markdown import', () => {
  it('takes title and metadata from front matter, and keeps the body as text', () => {
    const body = '# عنوان آخر\n\nفقرة **مهمة** من الخبر.\n';
    const [a] = md('a.md', `---\ntitle: "قمة الرياض"\nauthor: محمد علي\nsource: صحيفة\nurl: https://example.com/a\ndate: 2015-07-21\nlang: ar\ndir: rtl\ntags:\n  - x\n---\n${body}`);
    expect(a).toMatchObject({
      title: 'قمة الرياض', byline: 'محمد علي', source: 'صحيفة', url: 'https://example.com/a',
      published: '2015-07-21', lang: 'ar', dir: 'rtl', text: body, origin: '/x/a.md',
    });
  });

  it('uses the first level-1 heading when there is no front matter title', () => {
    const [a] = md('b.md', 'Intro line\n\n# The **real** [title](http://x)\n\ntext');
    expect(a?.title).toBe('The real title');
  });

  it('ignores a heading inside a code block', () => {
    const [a] = md('c.md', '```\n# not a title\n```\n\nThe committee met on Tuesday.\n');
    expect(a?.title).toBe('The committee met on Tuesday');
  });

  it('falls back to the text, without Markdown syntax, and detects the direction', () => {
    const [a] = md('d.md', '## خبر عاجل\n\nنص الخبر هنا.\n');
    expect(a?.title).toBe('خبر عاجل');
    expect(a?.dir).toBe('rtl');
    expect(a?.lang).toBe('ar');
  });

  it('renders HTML without anything executable or remote', () => {
    const [a] = md('e.md', '# T\n\nHello <script>alert(1)</script><img src="https://evil.example/x.png" onerror="alert(2)"> [x](javascript:alert(3))\n\n<iframe src="https://evil.example"></iframe>');
    expect(a?.html).toContain('<h1>T</h1>');
    expect(a?.html).not.toMatch(/script|onerror|javascript:|iframe|evil\.example/i);
  });

  it('rejects a file with front matter and nothing else', () => {
    expect(() => md('f.md', '---\ntitle: x\n---\n\n')).toThrow(/not an article file/);
  });
});

describe('sanitizeHtml', () => {
  it('drops remote resources, keeps embedded images and ordinary links', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const out = sanitizeHtml(`<p style="background:url(https://t.example/p)">a</p><img src="${png}"><img src="https://t.example/i.png" srcset="https://t.example/2x.png 2x"><a href="https://example.com" target="_blank">l</a><link rel="stylesheet" href="https://t.example/s.css"><base href="https://t.example/"><meta http-equiv="refresh" content="0;url=https://t.example"><form action="https://t.example"><input></form><object data="x"></object><embed src="x"><svg><image href="https://t.example/s.png"/></svg>`);
    expect(out).toContain(`src="${png}"`);
    expect(out).toContain('<a href="https://example.com" rel="noopener noreferrer">l</a>');
    expect(out).not.toMatch(/t\.example|<link|<base|<meta|<form|<input|<object|<embed|target=/);
  });

  it('keeps harmless inline styles', () => {
    expect(sanitizeHtml('<p style="color: red">x</p>')).toBe('<p style="color: red">x</p>');
  });
});
