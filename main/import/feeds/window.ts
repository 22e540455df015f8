/**
 * One jsdom window for all feed work: its DOMParser reads XML (with namespaces, CDATA and
 * well-formedness errors with line numbers) and its HTML document parses item content into inert
 * templates. Creating a window costs tens of milliseconds, a parse in an existing one very little.
 * jsdom's XML parser never fetches a DTD or an external entity: it has no code to do so.
 */
import { jsdom } from '../jsdom';

let shared: { parser: DOMParser; document: Document } | null = null;

function get(): { parser: DOMParser; document: Document } {
  if (!shared) {
    // A silent console: nothing a feed does may print to the app's output.
    const { JSDOM, VirtualConsole } = jsdom();
    const { window } = new JSDOM('', { virtualConsole: new VirtualConsole() });
    shared = { parser: new window.DOMParser(), document: window.document };
  }
  return shared;
}

export function xmlParser(): DOMParser {
  return get().parser;
}

/** An HTML document to parse fragments in; `<template>` content never loads or runs anything. */
export function htmlDocument(): Document {
  return get().document;
}
