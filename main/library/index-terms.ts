/**
 * How the full-text indexes (article_index, note_index) tell a stem from a surface word: a stem is
 * stored with a mark in front. Analyzed words are letters and digits only, so a marked stem is
 * never a surface word, and a query names stems or surfaces by their spelling alone. Without the
 * mark, a stem that is also a surface word (رياض) shares one doclist with it, and every query had
 * to name its columns: FTS5 then reads each row's position list to keep the right columns, which
 * cost a search at a million articles a fifth of its time in counting alone (docs/benchmarks.md).
 *
 * The mark is a character the ascii tokenizer keeps inside a word (it splits only on ASCII), and
 * one that analysis removes from any text, so no reader's word can carry it.
 */
export const STEM_MARK = '\u00b7';

/** A stem as the index stores it. */
export const indexedStem = (stem: string): string => STEM_MARK + stem;

/** Stems as an index column holds them: each marked, separated by spaces (one join, no string per stem). */
export const indexedStems = (stems: readonly string[]): string => (stems.length === 0 ? '' : STEM_MARK + stems.join(` ${STEM_MARK}`));
