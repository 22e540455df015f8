/**
 * Search finds articles by the reader's notes as well as by their text: the note index (schema.ts,
 * migration 3) is ranked apart, so that searching article text stays exactly the query it was,
 * and the two rankings are merged here.
 */
import type { RangeRanking, Ranked } from './rank';

export interface NoteRanking {
  /** The best articles by their notes, best first. */
  ranked: Ranked[];
  /** Every article whose notes match. */
  total: number;
  /** How many of those the text ranking matched too: counted once. */
  alsoInText: number;
}

/** The best `best` articles matched by text or notes; an article matched by both keeps its better rank. */
export function mergeNoteRanking(text: RangeRanking, notes: NoteRanking, best: number): RangeRanking {
  const byId = new Map<number, number>();
  for (const { id, rank } of [...text.ranked, ...notes.ranked]) {
    const known = byId.get(id);
    if (known === undefined || rank < known) byId.set(id, rank);
  }
  const ranked = [...byId].map(([id, rank]) => ({ id, rank })).sort((x, y) => x.rank - y.rank).slice(0, best);
  return { ranked, total: text.total + notes.total - notes.alsoInText };
}
