/**
 * Brute-force search reference: which articles a query SHOULD find, computed by scanning every
 * analyzed word of every article, with no index. It mirrors the documented semantics
 * (DESIGN.md "Arabic search", main/library/query.ts) independently of SQLite/FTS5:
 *
 *   word   = some word of the title or body has the same surface or the same stem, or the word
 *            mixes digits and letters and one of its digit or letter runs has that stem
 *            (1436 finds 1436هـ);
 *   prefix = some surface word starts with the prefix;
 *   phrase = consecutive surface words, inside the title or inside the body;
 *   groups are ANDed, alternatives inside a group ORed, excluded terms must not match.
 *
 * The query is parsed by the engine's own parseQuery (that is the spec of the query language,
 * including stop-word dropping); only the matching is re-implemented here.
 */
import { analyzeText } from '../main/text/analyze';
import type { ParsedQuery, QueryTerm } from '../main/library/query';

/** One field (title or body) as interned word ids, so a scan compares integers, not strings. */
interface Field {
  surfaces: Int32Array;
  stems: Int32Array;
  /** Stems of the digit and letter runs of the field's mixed words, wherever they are. */
  partStems: Int32Array;
}

interface Doc {
  id: number;
  title: Field;
  body: Field;
}

/** Tells whether a term matches at one position of a field; 0 = no, else the words it covers. */
type PositionMatcher = (field: Field, at: number) => number;

interface TermMatcher {
  at: PositionMatcher;
  /** The stem a word term also finds among the runs of mixed words; -1 for other terms. */
  partStem: number;
}

export class ReferenceIndex {
  private readonly surfaceIds = new Map<string, number>();
  private readonly stemIds = new Map<string, number>();
  private readonly docs: Doc[] = [];

  get size(): number {
    return this.docs.length;
  }

  add(id: number, title: string, text: string): void {
    this.docs.push({ id, title: this.field(title), body: this.field(text) });
  }

  private field(text: string): Field {
    const terms = analyzeText(text);
    const surfaces = new Int32Array(terms.length);
    const stems = new Int32Array(terms.length);
    const partStems: number[] = [];
    terms.forEach((term, i) => {
      surfaces[i] = intern(this.surfaceIds, term.surface);
      stems[i] = intern(this.stemIds, term.stem);
      for (const part of term.partStems) partStems.push(intern(this.stemIds, part));
    });
    return { surfaces, stems, partStems: Int32Array.from(partStems) };
  }

  private matcher(term: QueryTerm): TermMatcher {
    switch (term.kind) {
      case 'word': {
        const surface = this.surfaceIds.get(term.term.surface) ?? -1;
        const stem = this.stemIds.get(term.term.stem) ?? -1;
        return { at: (f, at) => (f.surfaces[at] === surface || f.stems[at] === stem ? 1 : 0), partStem: stem };
      }
      case 'prefix': {
        const starts = new Uint8Array(this.surfaceIds.size);
        for (const [surface, id] of this.surfaceIds) if (surface.startsWith(term.surface)) starts[id] = 1;
        return { at: (f, at) => starts[f.surfaces[at]!]!, partStem: -1 };
      }
      case 'phrase': {
        const ids = term.terms.map((t) => this.surfaceIds.get(t.surface) ?? -1);
        const at: PositionMatcher = (f, at) => {
          if (at + ids.length > f.surfaces.length) return 0;
          for (let k = 0; k < ids.length; k++) if (f.surfaces[at + k] !== ids[k]) return 0;
          return ids.length;
        };
        return { at, partStem: -1 };
      }
    }
  }

  /** Ids of every article the query should find, in insertion order. */
  matching(query: ParsedQuery): number[] {
    if (query.groups.length === 0) return [];
    const groups = query.groups.map((group) => group.map((t) => this.matcher(t)));
    const excluded = query.excluded.map((t) => this.matcher(t));
    const inField = (m: TermMatcher, f: Field): boolean => {
      for (let i = 0; i < f.surfaces.length; i++) if (m.at(f, i) > 0) return true;
      return m.partStem >= 0 && f.partStems.includes(m.partStem);
    };
    const inDoc = (m: TermMatcher, d: Doc): boolean => inField(m, d.title) || inField(m, d.body);
    const ids: number[] = [];
    for (const doc of this.docs) {
      if (!groups.every((alternatives) => alternatives.some((m) => inDoc(m, doc)))) continue;
      if (excluded.some((m) => inDoc(m, doc))) continue;
      ids.push(doc.id);
    }
    return ids;
  }
}

function intern(ids: Map<string, number>, s: string): number {
  let id = ids.get(s);
  if (id === undefined) {
    id = ids.size;
    ids.set(s, id);
  }
  return id;
}

/** Recall and precision of a result set against the reference; an empty reference has recall 1. */
export function compare(found: Iterable<number>, expected: Iterable<number>): {
  found: number;
  expected: number;
  correct: number;
  recall: number;
  precision: number;
  missed: number[];
  extra: number[];
} {
  const f = new Set(found);
  const e = new Set(expected);
  let correct = 0;
  const missed: number[] = [];
  for (const id of e) {
    if (f.has(id)) correct++;
    else missed.push(id);
  }
  const extra = [...f].filter((id) => !e.has(id));
  return {
    found: f.size,
    expected: e.size,
    correct,
    recall: e.size === 0 ? 1 : correct / e.size,
    precision: f.size === 0 ? (e.size === 0 ? 1 : 0) : correct / f.size,
    missed,
    extra,
  };
}
