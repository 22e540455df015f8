/**
 * The search query language, parsed into analyzed terms and compiled to an FTS5 expression.
 *
 *   words are ANDed · "two words" is a phrase · word* is a prefix · -word excludes ·
 *   OR between words or phrases (it binds tighter than the implicit AND: `a OR b c` is (a|b)&c)
 *
 * Every user string compiles to a valid expression: terms are reduced to analyzed words (letters
 * and digits only) and always quoted, so nothing a user types can reach FTS5's syntax.
 */
import { analyzeWord, isStopWord, type Term } from '../text/analyze';
import { tokenize } from '../text/tokenize';
import { indexedStem } from './index-terms';

export type QueryTerm =
  | { kind: 'word'; term: Term }
  | { kind: 'prefix'; surface: string }
  | { kind: 'phrase'; terms: Term[] };

export interface ParsedQuery {
  /** AND of groups; each group is an OR of alternatives. */
  groups: QueryTerm[][];
  excluded: QueryTerm[];
}

type Lexeme = { text: string; quoted: boolean; negated: boolean; isOr: boolean };

function lex(input: string): Lexeme[] {
  const lexemes: Lexeme[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    const negated = ch === '-' && i + 1 < input.length && !/\s/u.test(input[i + 1]!);
    if (negated) i++;
    if (input[i] === '"') {
      // An unbalanced quote runs to the end of the query: the user is still typing the phrase.
      const close = input.indexOf('"', i + 1);
      const end = close === -1 ? input.length : close;
      lexemes.push({ text: input.slice(i + 1, end), quoted: true, negated, isOr: false });
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < input.length && !/\s/u.test(input[end]!) && input[end] !== '"') end++;
    const text = input.slice(i, end);
    lexemes.push({ text, quoted: false, negated, isOr: !negated && text === 'OR' });
    i = end;
  }
  return lexemes;
}

function termsOf(text: string): Term[] {
  const terms: Term[] = [];
  for (const token of tokenize(text)) {
    const term = analyzeWord(text.slice(token.start, token.end));
    if (term) terms.push(term);
  }
  return terms;
}

/** One lexeme may analyze to several words ("al-Quds", "٢٠١٥/٧"): those are ANDed as words. */
function toQueryTerms(lexeme: Lexeme): QueryTerm[] {
  if (lexeme.quoted) {
    const terms = termsOf(lexeme.text);
    if (terms.length === 0) return [];
    return [terms.length === 1 ? { kind: 'word', term: terms[0]! } : { kind: 'phrase', terms }];
  }
  const isPrefix = lexeme.text.endsWith('*');
  const terms = termsOf(lexeme.text);
  return terms.map((term, index): QueryTerm =>
    isPrefix && index === terms.length - 1 ? { kind: 'prefix', surface: term.surface } : { kind: 'word', term },
  );
}

export function parseQuery(input: string): ParsedQuery {
  const groups: QueryTerm[][] = [];
  const excluded: QueryTerm[] = [];
  let joinNext = false;
  for (const lexeme of lex(input)) {
    if (lexeme.isOr) {
      joinNext = groups.length > 0;
      continue;
    }
    const terms = toQueryTerms(lexeme);
    if (terms.length === 0) continue;
    if (lexeme.negated) {
      excluded.push(...terms);
      continue;
    }
    if (joinNext && terms.length === 1) groups[groups.length - 1]!.push(terms[0]!);
    else for (const term of terms) groups.push([term]);
    joinNext = false;
  }
  return { groups: dropStopWords(groups), excluded };
}

/** Function words are dropped when something else is asked for; a query of only them keeps them. */
function dropStopWords(groups: QueryTerm[][]): QueryTerm[][] {
  const isStop = (group: QueryTerm[]) =>
    group.length === 1 && group[0]!.kind === 'word' && isStopWord(group[0]!.term.surface);
  const kept = groups.filter((group) => !isStop(group));
  return kept.length > 0 ? kept : groups;
}

const quote = (s: string) => `"${s}"`;

/** One phrase of a compiled expression, as FTS5 numbers them: in the order they are written. */
export interface ScoredPhrase {
  /** The phrase alone, a valid MATCH expression. */
  expression: string;
  /** A word* prefix: FTS5 merges every word it begins for each statement that uses it. */
  prefix: boolean;
  /** In the query's excluded part: no article the query finds holds it. */
  excluded: boolean;
}

/**
 * The phrases a term compiles to; for what only matches (not scored), the fewest that say the same.
 * Surface words and stems are told apart by their spelling (index-terms.ts), not by columns.
 */
function termPhrases(term: QueryTerm, scored: boolean): string[] {
  switch (term.kind) {
    case 'word': {
      const stem = quote(indexedStem(term.term.stem));
      // A word's stem entry is the stem of its surface, so every surface match is a stem match
      // too: for what matches, the stem alone says the same, and walks one doclist not two.
      if (!scored) return [stem];
      // Both: the stem gives recall, the surface match adds to the score of exact spellings.
      return [quote(term.term.surface), stem];
    }
    case 'prefix':
      return [`${quote(term.surface)} *`];
    case 'phrase':
      return [quote(term.terms.map((t) => t.surface).join(' '))];
  }
}

function compileTerm(term: QueryTerm, scored = true): string {
  const phrases = termPhrases(term, scored);
  return phrases.length === 1 ? phrases[0]! : `(${phrases.join(' OR ')})`;
}

/**
 * Every phrase of compileQuery's expression in FTS5's order, which is the order they are written
 * in: the ranking function is given one figure for each (rank.ts).
 */
export function scoredPhrases(query: ParsedQuery): ScoredPhrase[] {
  const phrasesOf = (term: QueryTerm, excluded: boolean) =>
    termPhrases(term, true).map((expression) => ({ expression, prefix: term.kind === 'prefix', excluded }));
  return [...query.groups.flat().flatMap((term) => phrasesOf(term, false)), ...query.excluded.flatMap((term) => phrasesOf(term, true))];
}

/**
 * The FTS5 MATCH expression, or null when the query asks for nothing searchable. The article and
 * note indexes store words alike (prepare.ts analyzedColumns), so it serves both.
 */
export function compileQuery(query: ParsedQuery): string | null {
  return compileExpression(query, true);
}

/**
 * An expression matching exactly the articles compileQuery's matches, without the surface words
 * that only add to the score: about half the cost to count or walk in id order (rank.ts).
 */
export function compileMatchQuery(query: ParsedQuery): string | null {
  return compileExpression(query, false);
}

function compileExpression(query: ParsedQuery, scored: boolean): string | null {
  if (query.groups.length === 0) return null;
  const compile = (term: QueryTerm) => compileTerm(term, scored);
  const positive = query.groups
    .map((group) => (group.length === 1 ? compile(group[0]!) : `(${group.map(compile).join(' OR ')})`))
    .join(' AND ');
  if (query.excluded.length === 0) return positive;
  return `(${positive}) NOT (${query.excluded.map(compile).join(' OR ')})`;
}
