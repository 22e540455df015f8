import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../../main/import/importer';
import { parseMarkdown } from '../../../main/import/markdown';
import { parseSahifaJson } from '../../../main/import/sahifa-json';
import { sanitizeHtml } from '../../../main/import/sanitize';
import { textAsMarkdown, toJson, toMarkdown } from '../../../main/library/export';
import { Library } from '../../../main/library/library';
import { bytes } from './helpers';

const md = (name: string, content: string) => parseMarkdown({ path: `/x/${name}`, name, bytes: bytes(content) });

describe('Markdown import', () => {
  it('takes title and metadata from front matter, and keeps the body as written beside its text', () => {
    const body = '# عنوان آخر\n\nفقرة **مهمة** من الخبر.\n';
    const [a] = md('a.md', `---\ntitle: "قمة الرياض"\nauthor: محمد علي\nsource: صحيفة\nurl: https://example.com/a\ndate: 2015-07-21\nlang: ar\ndir: rtl\ntags:\n  - x\n---\n${body}`);
    expect(a).toMatchObject({
      title: 'قمة الرياض', byline: 'محمد علي', source: 'صحيفة', url: 'https://example.com/a',
      published: '2015-07-21', lang: 'ar', dir: 'rtl', text: 'عنوان آخر\n\nفقرة مهمة من الخبر.', markdown: body, origin: '/x/a.md',
    });
  });

  it('gives search, snippets and the reader the rendered text, not the Markdown syntax', () => {
    const [a] = md('g.md', '## خبر عاجل\n\nقال **الوزير** في [بيان](https://example.com/s) إن `الاجتماع`\nسيعقد غدا.\n\n- أولا\n- ثانيا\n\n> اقتباس\n');
    expect(a?.text).toBe('خبر عاجل\n\nقال الوزير في بيان إن الاجتماع سيعقد غدا.\n\nأولا\n\nثانيا\n\nاقتباس');
    expect(a?.html).toContain('<strong>الوزير</strong>');
    expect(a?.html).toContain('<a href="https://example.com/s" rel="noopener noreferrer">بيان</a>');
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

describe('Markdown articles in the library', () => {
  const source = '# قمة الرياض\n\nقال **الوزير** في [بيان](https://example.com/s) إن القمة ستعقد غدا.\n\n## التفاصيل\n\nوأضاف أن `الوفود` وصلت.\n';

  function withLibrary(run: (library: Library, dir: string) => Promise<void>): Promise<void> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-md-'));
    const library = Library.open(path.join(dir, 'library.sqlite'));
    return run(library, dir).finally(() => {
      library.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
  }

  it('lists, searches and shows the rendered text, exports the source, and dedupes a re-import', () =>
    withLibrary(async (library, dir) => {
      const file = path.join(dir, 'qimma.md');
      fs.writeFileSync(file, source);
      expect(await importPaths(library, [file])).toMatchObject({ imported: 1, failed: [] });

      const [summary] = library.list().items;
      expect(summary?.excerpt).toBe('قال الوزير في بيان إن القمة ستعقد غدا.');
      const [hit] = library.search('الوزير').items;
      expect(hit?.snippet).toContain('قال الوزير في بيان إن القمة');
      expect(hit?.snippet).not.toMatch(/\*\*|\]\(|#/);
      expect(library.search('example').total).toBe(0); // a link's address is not the article's words

      const article = library.get(summary!.id);
      expect(article.text).not.toMatch(/[#*`[\]]/);
      expect(article.html).toContain('<h2>التفاصيل</h2>');
      expect(toMarkdown(article).endsWith(`---\n\n${source}`)).toBe(true);

      expect(await importPaths(library, [file])).toMatchObject({ imported: 0, duplicates: 1 });
    }));

  it('dedupes a file imported before its text was rendered, and puts the rendered text in its place', () =>
    withLibrary(async (library, dir) => {
      // As earlier versions stored it: the Markdown itself as the text.
      const [id] = library.addArticles([{ title: 'قمة الرياض', byline: null, source: null, url: null, lang: 'ar', dir: 'rtl', published: null, text: source, html: null, origin: 'old.md' }]).ids as [number];
      library.setBookmarked(id, true);
      expect(library.search('example').total).toBe(1);
      const file = path.join(dir, 'qimma.md');
      fs.writeFileSync(file, source);
      expect(await importPaths(library, [file])).toMatchObject({ imported: 0, duplicates: 1 });
      expect(library.get(id)).toMatchObject({ markdown: source, bookmarked: true, text: expect.not.stringMatching(/[#*`[\]]/) as unknown as string });
      expect(library.list().items[0]?.excerpt).toBe('قال الوزير في بيان إن القمة ستعقد غدا.');
      expect(library.search('example').total).toBe(0);
      expect(library.search('الوزير').items.map((hit) => hit.id)).toEqual([id]);
    }));

  it('leaves an article alone when a Markdown file with the same words is not its source', () =>
    withLibrary(async (library, dir) => {
      // The same words as the Markdown source, so the same identity: the file is a duplicate of it.
      const text = 'قمة الرياض\n\nقال الوزير في بيان https://example.com/s إن القمة ستعقد غدا.\n\nالتفاصيل\n\nوأضاف أن الوفود وصلت.';
      const [id] = library.addArticles([{ title: 'قمة الرياض', byline: null, source: null, url: null, lang: 'ar', dir: 'rtl', published: null, text, html: null, origin: 'a.txt' }]).ids as [number];
      const file = path.join(dir, 'qimma.md');
      fs.writeFileSync(file, source);
      expect(await importPaths(library, [file])).toMatchObject({ imported: 0, duplicates: 1 });
      expect(library.get(id)).toMatchObject({ text, markdown: null });
    }));

  it('keeps the source through Sahifa\'s JSON export, so that export imported back is the same article', () =>
    withLibrary(async (library, dir) => {
      const file = path.join(dir, 'qimma.md');
      fs.writeFileSync(file, source);
      await importPaths(library, [file]);
      const exported = toJson(library.get(library.list().items[0]!.id));
      const [back] = parseSahifaJson({ path: 'a.json', name: 'a.json', bytes: bytes(exported) });
      expect(back).toMatchObject({ markdown: source, text: library.get(library.list().items[0]!.id).text });
      const json = path.join(dir, 'qimma.json');
      fs.writeFileSync(json, exported);
      expect(await importPaths(library, [json])).toMatchObject({ imported: 0, duplicates: 1 });
    }));

  it('exports any other article as Markdown that renders back to its text', () => {
    const text = '# not a heading *nor* _emphasis_\n1. not a list\n- nor this\n> nor a quote & &amp; <b>not bold</b> [x](y) `z` a\\b\n\nSecond paragraph\n===';
    const [a] = md('h.md', textAsMarkdown(text));
    expect(a?.text).toBe(text);
    expect(a?.html).not.toMatch(/<(h1|h2|ol|ul|li|blockquote|em|strong|b|a|code)\b/);
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
