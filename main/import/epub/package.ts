/**
 * The book's package: META-INF/container.xml points at the OPF document, which holds the metadata
 * (Dublin Core plus EPUB 3 `refines` meta), the manifest (every file with its media type) and the
 * spine (the reading order). EPUB 2 and 3 both.
 */
import { attribute, elements, firstElement, parseXml, textOf } from './xml';

export interface ManifestItem {
  id: string;
  /** Path inside the archive, resolved against the package document's folder. */
  path: string;
  mediaType: string;
  properties: string[];
}

export interface SpineItem {
  item: ManifestItem;
  /** linear="no": auxiliary content (notes, answers) reached by links, not by reading on. */
  linear: boolean;
}

export interface TitleCandidate {
  text: string;
  /** From `<meta refines="#id" property="alternate-script" xml:lang="…">`. */
  alternates: { text: string; lang: string | null }[];
}

export interface Creator {
  name: string;
  role: string | null;
}

export interface BookPackage {
  /** Path of the OPF document inside the archive. */
  path: string;
  titles: (TitleCandidate & { type: string | null })[];
  creators: Creator[];
  languages: string[];
  /** xml:lang on <package>, which some tools set to the cataloguer's language, not the book's. */
  packageLang: string | null;
  publisher: string | null;
  date: string | null;
  identifiers: string[];
  manifest: Map<string, ManifestItem>;
  spine: SpineItem[];
  pageProgression: 'rtl' | 'ltr' | null;
}

export class PackageError extends Error {}

/** Resolves `href` (URL-encoded, relative) against the folder of the document at `from`. */
export function resolvePath(from: string, href: string): string | null {
  const clean = href.replace(/[#?].*$/, '');
  if (clean === '' || /^[a-z][a-z0-9+.-]*:/i.test(clean)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(clean);
  } catch {
    decoded = clean;
  }
  const base = decoded.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (base.length === 0) return null; // outside the book
      base.pop();
    } else {
      base.push(segment);
    }
  }
  return base.join('/');
}

const PACKAGE_MEDIA_TYPE = 'application/oebps-package+xml';

/** The OPF's path from container.xml; throws PackageError when there is none. */
export function findPackagePath(containerXml: string | null, names: string[]): string {
  if (containerXml !== null) {
    const parsed = parseXml(containerXml);
    if (parsed.doc) {
      const rootfiles = elements(parsed.doc, 'rootfile');
      const chosen = rootfiles.find((r) => (r.getAttribute('media-type') ?? PACKAGE_MEDIA_TYPE) === PACKAGE_MEDIA_TYPE) ?? rootfiles[0];
      const fullPath = chosen?.getAttribute('full-path');
      if (fullPath) return fullPath.replace(/^\/+/, '');
    }
  }
  // A container that is missing or broken: the package is still the one .opf file.
  const opf = names.find((n) => n.toLowerCase().endsWith('.opf'));
  if (opf) return opf;
  throw new PackageError('it has no package document (META-INF/container.xml and the .opf file are missing)');
}

/** `#id` → the values of the `<meta refines="#id" property=…>` elements about it. */
function refinements(metadata: Element): Map<string, Element[]> {
  const byId = new Map<string, Element[]>();
  for (const meta of elements(metadata, 'meta')) {
    const refines = meta.getAttribute('refines');
    if (!refines?.startsWith('#')) continue;
    const id = refines.slice(1);
    const list = byId.get(id) ?? [];
    list.push(meta);
    byId.set(id, list);
  }
  return byId;
}

function refined(refs: Map<string, Element[]>, el: Element, property: string): Element[] {
  const id = el.getAttribute('id');
  if (!id) return [];
  return (refs.get(id) ?? []).filter((m) => m.getAttribute('property') === property);
}

export function parsePackage(source: string, path: string): BookPackage {
  const parsed = parseXml(source);
  if (!parsed.doc) throw new PackageError(`its package document is not well-formed XML (${parsed.error || 'unknown error'})`);
  const doc = parsed.doc;
  const root = doc.documentElement;
  const metadata = firstElement(doc, 'metadata') ?? root;
  const refs = refinements(metadata);

  const titles = elements(metadata, 'title').map((el) => ({
    text: textOf(el),
    type: textOf(refined(refs, el, 'title-type')[0] ?? null) || null,
    alternates: refined(refs, el, 'alternate-script').map((m) => ({ text: textOf(m), lang: attribute(m, 'lang') })),
  })).filter((t) => t.text !== '' || t.alternates.length > 0);

  const creators = elements(metadata, 'creator').map((el) => ({
    name: textOf(el),
    // EPUB 3 refines the role; EPUB 2 puts it in an opf:role attribute.
    role: textOf(refined(refs, el, 'role')[0] ?? null) || attribute(el, 'role'),
  })).filter((c) => c.name !== '');

  const manifest = new Map<string, ManifestItem>();
  for (const item of elements(doc, 'item')) {
    const id = item.getAttribute('id');
    const href = item.getAttribute('href');
    const itemPath = href === null ? null : resolvePath(path, href);
    if (!id || !itemPath) continue;
    manifest.set(id, {
      id,
      path: itemPath,
      mediaType: (item.getAttribute('media-type') ?? '').toLowerCase().trim(),
      properties: (item.getAttribute('properties') ?? '').split(/\s+/).filter(Boolean),
    });
  }

  const spineElement = firstElement(doc, 'spine');
  const spine: SpineItem[] = [];
  for (const ref of spineElement ? elements(spineElement, 'itemref') : []) {
    const item = manifest.get(ref.getAttribute('idref') ?? '');
    if (item) spine.push({ item, linear: ref.getAttribute('linear') !== 'no' });
  }
  const progression = spineElement?.getAttribute('page-progression-direction');

  const first = (name: string): string | null => elements(metadata, name).map(textOf).find(Boolean) ?? null;
  return {
    path,
    titles,
    creators,
    languages: elements(metadata, 'language').map(textOf).filter(Boolean),
    packageLang: attribute(root, 'lang'),
    publisher: first('publisher'),
    date: first('date'),
    identifiers: elements(metadata, 'identifier').map(textOf).filter(Boolean),
    manifest,
    spine,
    pageProgression: progression === 'rtl' || progression === 'ltr' ? progression : null,
  };
}
