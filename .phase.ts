import { readFileSync } from 'node:fs';
import { decodeXml } from './main/import/feeds/encoding';
import { parseOnce, prepareXml } from './main/import/feeds/xml';
import { readFeedDocument } from './main/import/feeds/index';
import { isFeedItem, toArticle } from './main/import/feeds/article';
import { sanitizeArticle } from './main/import/sanitize';
import { prepareArticle } from './main/library/prepare';
import { news } from './tests/fixtures/feed-server';
function escapeXml(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
const pool = news(5000);
const feeds: Buffer[] = []; const htmls: string[] = [];
for (let f = 0; f < 100; f++) {
  const entries: string[] = [];
  for (let i = 0; i < 50; i++) {
    const a = pool[(f * 50 + i) % pool.length]!;
    const html = a.content.split('\n').filter((p) => p.trim()).map((p) => `<p>${escapeXml(p)}</p>`).join('');
    htmls.push(html);
    entries.push(`<item><guid isPermaLink="false">b-${f}-${i}</guid><title>${escapeXml(a.title.trim() || 'x')}</title><link>https://bench.example/${f}/${i}</link><pubDate>${new Date(Date.UTC(2015, 6, 21) + i * 60000).toUTCString()}</pubDate><description><![CDATA[${html}]]></description></item>`);
  }
  feeds.push(Buffer.from(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>x ${f}</title><link>https://bench.example/${f}</link><language>ar</language>${entries.join('')}</channel></rss>`));
}
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
function phase(name: string, run: () => void) { run(); const t = cpu(); run(); console.log(`${name}: ${((cpu() - t) / 5000).toFixed(3)} ms/item`); }
let texts: string[] = [];
phase('decode', () => { texts = feeds.map((b) => decodeXml(b, 'utf-8').text); });
let docs: Document[] = [];
phase('xml parse (jsdom)', () => { docs = texts.map((t) => { const s = prepareXml(t); return parseOnce(s.text, s.doctype) as Document; }); });
let arts: ReturnType<typeof toArticle>[] = [];
phase('read items (incl. sanitize)', () => { arts = docs.flatMap((d) => { const p = readFeedDocument(d); return p.items.filter(isFeedItem).map((i) => toArticle(i, p.info, 'https://x/')); }); });
phase('sanitize alone', () => { for (const h of htmls) sanitizeArticle(h); });
phase('prepare (analysis + compress)', () => { for (const a of arts) prepareArticle(a); });
import { Library } from './main/library/library';
import os from 'node:os'; import path from 'node:path'; import fs from 'node:fs';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phase-'));
const lib = Library.open(path.join(dir, 'l.sqlite'));
const prepared = arts.filter((a) => a !== null).map((a) => prepareArticle(a!));
const t0 = cpu();
for (let i = 0; i < prepared.length; i += 50) lib.addPrepared(prepared.slice(i, i + 50));
console.log(`write: ${((cpu() - t0) / prepared.length).toFixed(3)} ms/item (${prepared.length})`);
lib.close(); fs.rmSync(dir, { recursive: true });
