/** Plain text files: one article per file, text kept exactly as written (bar line endings). */
import type { NewArticle } from '../../common';
import { decodeText } from './decode';
import { ImportError } from './errors';
import { detectLanguage } from './language';
import { titleFromText } from './title';
import type { SourceFile } from './parser';

export const NOT_AN_ARTICLE_EMPTY = 'not an article file (it is empty)';

export function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/^\ufeff/, '');
}

/** The file name without its extension, for texts whose content gives no title at all. */
export function titleFromFileName(name: string): string {
  return name.replace(/\.[^.]+$/, '').replace(/[_]+/g, ' ').trim() || name;
}

export function articleFromText(text: string, file: SourceFile): NewArticle {
  if (text.trim() === '') throw new ImportError('empty-file', NOT_AN_ARTICLE_EMPTY);
  const { dir, lang } = detectLanguage(text);
  return {
    title: titleFromText(text) || titleFromFileName(file.name),
    byline: null,
    source: null,
    url: null,
    lang,
    dir,
    published: null,
    text,
    html: null,
    origin: file.path,
  };
}

export function parsePlainText(file: SourceFile): NewArticle[] {
  const text = normalizeLineEndings(decodeText(file.bytes).text);
  return [articleFromText(text, file)];
}
