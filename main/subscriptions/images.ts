/**
 * Offline images: the pictures of new items (and of pages saved by address or fetched for full
 * text) are downloaded at refresh time and embedded by the sanitizer as data: URIs, the way saved
 * "complete" pages keep theirs, so the reader never loads anything remote. A feed's articles are
 * then written with each image stored once in the library (main/library/images.ts). Only raster images
 * recognised by their bytes are kept (image-data.ts): SVG, HTML error pages and anything else are
 * dropped, whatever the server calls them. Caps per image and per article; within one refresh an
 * address is downloaded once, however many items or feeds show it.
 */
import { imageDataUri, rasterImageType } from '../import/image-data';
import { fetchUrl, type Agents } from './http';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_ARTICLE_IMAGE_BYTES = 20 * 1024 * 1024;
export const MAX_IMAGES_PER_ARTICLE = 40;
const IMAGE_TIMEOUT_MS = 20_000;

export interface ImageFetcher {
  /** The bytes of an image address, or null when it is not a raster image within the caps. */
  get(url: string): Promise<Uint8Array | null>;
}

/** Downloads on demand, each address once per fetcher (one per refresh run). */
export function imageFetcher(agents?: Agents, signal?: AbortSignal): ImageFetcher {
  const cache = new Map<string, Promise<Uint8Array | null>>();
  return {
    get(url) {
      let pending = cache.get(url);
      if (!pending) {
        pending = fetchUrl(url, { accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif,image/*;q=0.8', maxBytes: MAX_IMAGE_BYTES, totalTimeoutMs: IMAGE_TIMEOUT_MS, agents, signal })
          .then((result) => (result.status === 'ok' && rasterImageType(result.bytes) ? result.bytes : null))
          .catch(() => null);
        cache.set(url, pending);
      }
      return pending;
    },
  };
}

/**
 * The images of one article, downloaded within its caps: address → data: URI. Addresses over the
 * count cap or past the article's byte budget are left out (they read as their alt text).
 */
export async function downloadImages(urls: Iterable<string>, fetcher: ImageFetcher): Promise<Map<string, Uint8Array>> {
  const unique = [...new Set(urls)].slice(0, MAX_IMAGES_PER_ARTICLE);
  const downloaded = await Promise.all(unique.map((url) => fetcher.get(url)));
  const kept = new Map<string, Uint8Array>();
  let budget = MAX_ARTICLE_IMAGE_BYTES;
  unique.forEach((url, i) => {
    const bytes = downloaded[i];
    if (!bytes || bytes.byteLength > budget) return;
    budget -= bytes.byteLength;
    kept.set(url, bytes);
  });
  return kept;
}

/** A sanitizer scope (remote-images.ts) that embeds the downloaded images. */
export function embeddingScope(images: Map<string, Uint8Array>): { resolve(url: string): string | null } {
  return { resolve: (url) => { const bytes = images.get(url); return bytes ? imageDataUri(bytes) : null; } };
}

/** Collects the image addresses a parse asks for, per feed item (position) or for the whole page. */
export class ImageCollector {
  private position = -1;
  readonly byItem = new Map<number, Set<string>>();

  readonly scope = {
    resolve: (url: string): string | null => {
      let set = this.byItem.get(this.position);
      if (!set) this.byItem.set(this.position, (set = new Set()));
      set.add(url);
      return null;
    },
    item: (): void => {
      this.position++;
    },
  };

  urls(position = -1): Set<string> {
    return this.byItem.get(position) ?? new Set();
  }
}
