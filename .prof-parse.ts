import { parseForRefresh } from './main/subscriptions/feed-parse';
import { news } from './tests/fixtures/feed-server';
function escapeXml(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function feedBytes(f: number, items: number, pool: ReturnType<typeof news>): Buffer {
  const entries: string[] = [];
  for (let i = 0; i < items; i++) {
    const a = pool[(f * items + i) % pool.length]!;
    const html = a.content.split('\n').filter((p) => p.trim()).map((p) => `<p>${escapeXml(p)}</p>`).join('');
    entries.push(`<item><guid isPermaLink="false">bench-${f}-${i}</guid><title>${escapeXml(a.title.trim() || `خبر ${i}`)}</title>`
      + `<link>https://bench.example/${f}/${i}</link><pubDate>${new Date(Date.UTC(2015, 6, 21) + i * 60_000).toUTCString()}</pubDate>`
      + `<description><![CDATA[${html}]]></description></item>`);
  }
  return Buffer.from(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>موجز ${f}</title><link>https://bench.example/${f}</link><language>ar</language>${entries.join('')}</channel></rss>`);
}
const feeds = Number(process.argv[2] ?? 50);
const pool = news(feeds * 50);
const bytes = Array.from({ length: feeds }, (_, f) => feedBytes(f, 50, pool));
parseForRefresh({ bytes: bytes[0]!, contentType: 'application/rss+xml', charset: 'utf-8', origin: 'https://bench.example/0', collectImages: false });
const t0 = process.cpuUsage();
let n = 0;
for (const b of bytes) n += parseForRefresh({ bytes: b, contentType: 'application/rss+xml', charset: 'utf-8', origin: 'https://bench.example/x', collectImages: false }).prepared.size;
const c = process.cpuUsage(t0);
console.log(`${n} items, ${((c.user + c.system) / 1000 / n).toFixed(3)} ms CPU/item`);
