import { describe, expect, it } from 'vitest';
import { importableExtensions } from '../../../common';
import { HTML_EXT, MARKDOWN_EXT, TEXT_EXT } from '../../../main/import/sniff';

describe('the file dialog', () => {
  it('offers every file name ending the importer reads by its name', () => {
    const offered = new Set<string>(importableExtensions);
    const read = [...TEXT_EXT, ...MARKDOWN_EXT, ...HTML_EXT, 'mhtml', 'mht', 'xml', 'rss', 'atom', 'rdf', 'json', 'epub', 'zip'].filter((ext) => ext !== '');
    expect(read.filter((ext) => !offered.has(ext))).toEqual([]);
  });
});
