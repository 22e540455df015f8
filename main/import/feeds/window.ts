/**
 * One jsdom window for the feed work that needs an HTML parser: item titles and summaries written
 * as HTML, character references in plain text, relative links to resolve. Its HTML document parses
 * such fragments into inert templates. Creating a window costs tens of milliseconds, a parse in an
 * existing one very little; feeds whose items need none of that never load jsdom at all (the XML
 * itself is read by saxes: xml-tree.ts).
 */
import { jsdom } from '../jsdom';

let shared: Document | null = null;

/** An HTML document to parse fragments in; `<template>` content never loads or runs anything. */
export function htmlDocument(): Document {
  if (!shared) {
    // A silent console: nothing a feed does may print to the app's output.
    const { JSDOM, VirtualConsole } = jsdom();
    shared = new JSDOM('', { virtualConsole: new VirtualConsole() }).window.document;
  }
  return shared;
}
