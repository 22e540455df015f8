/**
 * Hostile feeds: entity bombs, external entities and DTDs (which must never be read, from disk or
 * the network), huge and deeply nested content, broken XML. None may hang, crash or read anything.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_BOMB, TOO_DEEP } from '../../../main/import/feeds/doctype';
import { HTML_TOO_DEEP } from '../../../main/import/feeds/html';
import { parseString } from './feeds-helpers';

let dir = '';
let secretFile = '';
let dtdFile = '';
let server: Server;
let requests = 0;
let serverUrl = '';

const SECRET = 'THE-SECRET-CONTENT';

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sahifa-feeds-'));
  secretFile = path.join(dir, 'secret.txt');
  writeFileSync(secretFile, SECRET);
  // Were this DTD read, &defined; would expand to the secret and &nbsp; would change meaning.
  dtdFile = path.join(dir, 'evil.dtd');
  writeFileSync(dtdFile, `<!ENTITY defined "${SECRET}"><!ENTITY nbsp "${SECRET}">`);
  server = createServer((_request, response) => {
    requests++;
    response.end(`<!ENTITY defined "${SECRET}">`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/evil.dtd`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

function expectNoSecret(result: Awaited<ReturnType<typeof parseString>>): void {
  expect(JSON.stringify(result)).not.toContain(SECRET);
}

describe('entity expansion', () => {
  it('refuses a billion laughs at once, with a clear reason', async () => {
    const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('\n');
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol "lol">\n${entities}\n]>\n<rss><channel><item><title>&lol9;</title></item></channel></rss>`;
    const result = await parseString('lol.xml', xml);
    expect(result).toEqual({ articles: [], failures: [], failureCodes: [], error: ENTITY_BOMB, code: 'entity-bomb', notes: [] });
  });

  it('refuses one large entity referenced many times (quadratic blowup)', async () => {
    const xml = `<!DOCTYPE rss [<!ENTITY a "${'x'.repeat(50_000)}">]><rss><channel><item><title>${'&a;'.repeat(500)}</title></item></channel></rss>`;
    expect(await parseString('quadratic.xml', xml)).toMatchObject({ error: ENTITY_BOMB, code: 'entity-bomb' });
  });

  it('refuses entities that refer to themselves', async () => {
    const xml = '<!DOCTYPE rss [<!ENTITY a "x&b;"><!ENTITY b "y&a;">]><rss><channel><item><title>&a;</title></item></channel></rss>';
    expect(await parseString('loop.xml', xml)).toMatchObject({ error: ENTITY_BOMB, code: 'entity-bomb' });
  });

  it('is not fooled by "]>" inside an entity value', async () => {
    const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i === 0 ? '' : i};`.repeat(10)}">`).join('');
    const xml = `<!DOCTYPE rss [<!ENTITY trick "]>"><!ENTITY l "lol">${entities}]><rss><channel><item><title>&l9;</title></item></channel></rss>`;
    expect((await parseString('trick.xml', xml)).error).toBe(ENTITY_BOMB);
  });

  it('uses small internal entities as declared', async () => {
    const xml = '<!DOCTYPE rss [<!ENTITY site "Example News">]><rss><channel><title>&site;</title><item><title>From &site;</title></item></channel></rss>';
    const { articles } = await parseString('small.xml', xml);
    expect(articles[0]).toMatchObject({ title: 'From Example News', source: 'Example News' });
  });
});

describe('external entities and DTDs are never read', () => {
  it('does not read a SYSTEM entity (XXE): the item that uses it fails, the others import', async () => {
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://${secretFile}">]>\n<rss><channel>\n<item><title>leak &xxe;</title></item>\n<item><title>fine</title></item>\n</channel></rss>`;
    const result = await parseString('xxe.xml', xml);
    expectNoSecret(result);
    expect(result.articles.map((a) => a.title)).toEqual(['fine']);
    expect(result.failures).toEqual([{ entry: 'item 1', reason: 'broken XML at line 4: external entity &xxe; (external entities are never loaded)' }]);
    expect(result.failureCodes).toEqual(['broken-xml']);
  });

  it('does not read an external DTD from disk', async () => {
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "file://${dtdFile}">\n<rss><channel><item><title>a&nbsp;b</title></item><item><title>c &defined;</title></item></channel></rss>`;
    const result = await parseString('dtd.xml', xml);
    expectNoSecret(result);
    // &nbsp; keeps its HTML meaning; &defined; exists only in the unread DTD.
    expect(result.articles.map((a) => a.title)).toEqual(['a b']);
    expect(result.failures).toEqual([{ entry: 'item 2', reason: 'broken XML at line 3: undefined entity &defined;' }]);
  });

  it('does not read a parameter entity pointing at a file', async () => {
    const xml = `<!DOCTYPE rss [<!ENTITY % ext SYSTEM "file://${dtdFile}"> %ext;]><rss><channel><item><title>x &defined;</title></item><item><title>ok</title></item></channel></rss>`;
    const result = await parseString('param.xml', xml);
    expectNoSecret(result);
    expect(result.articles.map((a) => a.title)).toEqual(['ok']);
  });

  it('never fetches a DTD or entity over the network', async () => {
    const xml = `<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "${serverUrl}" [<!ENTITY remote SYSTEM "${serverUrl}"><!ENTITY % p SYSTEM "${serverUrl}"> %p;]><rss><channel><item><title>t &remote;</title></item><item><title>u</title></item></channel></rss>`;
    const result = await parseString('net.xml', xml);
    await new Promise((resolve) => setTimeout(resolve, 50)); // let any stray request arrive
    expect(requests).toBe(0);
    expectNoSecret(result);
    expect(result.articles.map((a) => a.title)).toEqual(['u']);
  });
});

describe('size and depth', () => {
  it('imports a 50 MB text node', async () => {
    const body = 'كلمة word '.repeat(3_600_000); // 50 MB of UTF-8
    const result = await parseString('big.xml', `<rss><channel><item><title>كبير</title><description>${body}</description></item></channel></rss>`);
    expect(result.error).toBeNull();
    expect(result.articles[0]?.text.length).toBe(body.length - 1); // the final space is trimmed
    expect(result.articles[0]?.dir).toBe('rtl');
  }, 120_000);

  it('refuses XML nested thousands of levels deep, before parsing it', async () => {
    const depth = 50_000;
    const xml = `<rss><channel><item><title>deep</title><description>${'<b>'.repeat(depth)}x${'</b>'.repeat(depth)}</description></item></channel></rss>`;
    expect(await parseString('deep.xml', xml)).toEqual({ articles: [], failures: [], failureCodes: [], error: TOO_DEEP, code: 'nested-too-deep', notes: [] });
  });

  it('fails only the item whose HTML is nested thousands of levels deep', async () => {
    const depth = 20_000;
    const escaped = `${'&lt;div&gt;'.repeat(depth)}x${'&lt;/div&gt;'.repeat(depth)}`;
    const xml = `<rss><channel><item><title>deep</title><description>${escaped}</description></item><item><title>fine</title></item></channel></rss>`;
    const result = await parseString('deep-html.xml', xml);
    expect(result.articles.map((a) => a.title)).toEqual(['fine']);
    expect(result.failures).toEqual([{ entry: 'item 1', reason: HTML_TOO_DEEP }]);
    expect(result.failureCodes).toEqual(['nested-too-deep']);
  });

  it('still imports ordinary nesting and many unclosed paragraphs', async () => {
    const escaped = `${'&lt;div&gt;'.repeat(200)}${'&lt;p&gt;para'.repeat(3000)}${'&lt;/div&gt;'.repeat(200)}`;
    const result = await parseString('ok.xml', `<rss><channel><item><title>ok</title><description>${escaped}</description></item></channel></rss>`);
    expect(result.failures).toEqual([]);
    expect(result.articles[0]?.text.split('\n\n')).toHaveLength(3000);
  });

  it('neither hangs nor crashes on junk', async () => {
    for (const junk of ['<', '<rss', '<rss><channel><item><title><![CDATA[', '<?xml version="1.0"?>', '<!DOCTYPE rss [', '<rss>&#xFFFFFFFF;</rss>', '\u0000\u0001<rss/>']) {
      const result = await parseString('junk.xml', junk);
      expect(result.articles).toEqual([]);
      expect(result.error).toMatch(/^(broken XML at line \d+: |the feed has no items)/);
      expect(['broken-xml', 'feed-no-items']).toContain(result.code);
    }
  });
});
