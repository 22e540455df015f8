/**
 * A web page fetched by its address → an article, exactly as a saved page file is imported
 * (main/import/html.ts: Readability, metadata, the one sanitizer), with its images downloaded and
 * embedded when asked. Used by "save a page by its address" and by full text for summary-only feeds.
 * Nothing in the page runs, and nothing it refers to is loaded but the images fetched here.
 */
import type { NewArticle } from '../../common';
import { articleFromPage, decodePage } from '../import/html';
import { ImportError } from '../import/errors';
import { fetchUrl, type Agents } from './http';
import { downloadImages, type ImageFetcher } from './images';

export class NotAPageError extends Error {}

const PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml']);

export interface PageFetchOptions {
  agents?: Agents;
  /** Download the page's images into the article; null leaves them as their alt text. */
  images?: ImageFetcher | null;
  signal?: AbortSignal;
}

export async function fetchPageArticle(address: string, options: PageFetchOptions = {}): Promise<NewArticle> {
  const result = await fetchUrl(address, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5', agents: options.agents, signal: options.signal });
  if (result.status !== 'ok') throw new NotAPageError('the server sent nothing new');
  if (result.contentType !== null && !PAGE_TYPES.has(result.contentType)) {
    throw new NotAPageError(`not a web page (the server sent ${result.contentType})`);
  }
  const { text: html } = decodePage(result.bytes, result.charset);
  const file = { path: result.url, name: new URL(result.url).pathname.split('/').pop() || result.url, bytes: result.bytes };
  const wanted = new Set<string>();
  const read = (resolveImage: (url: string) => Uint8Array | null): NewArticle => {
    try {
      return articleFromPage({ file, html, url: result.url, savedFrom: result.url, resolveImage });
    } catch (error) {
      if (error instanceof ImportError) throw new NotAPageError(error.message);
      throw error;
    }
  };
  // First read to learn which images the article keeps, then again with them downloaded.
  const first = read((url) => {
    wanted.add(url);
    return null;
  });
  if (!options.images || wanted.size === 0) return first;
  const images = await downloadImages(wanted, options.images);
  return images.size === 0 ? first : read((url) => images.get(url) ?? null);
}
