/**
 * IPC channel names, apart from the contract's schemas so that the sandboxed preload can use them
 * without bundling zod (which would multiply its size by two hundred). Re-exported by api.ts.
 */
import type { MethodName } from './api';

/** The IPC channel of a method. Unknown channels have no handler and are unreachable. */
export const channelOf = (name: MethodName): string => `sahifa:${name}`;
export const EVENT_CHANNEL = 'sahifa:event';

/**
 * Every method of the contract, for the two bridges (the preload, and the browser mode's client).
 * Listed rather than read from api.ts so that neither bundles zod; `satisfies` makes a method
 * missing here, or one the contract does not have, a type error.
 */
const METHODS = {
  listArticles: true,
  getArticle: true,
  search: true,
  setBookmark: true,
  stats: true,
  importPaths: true,
  importFileData: true,
  pickAndImport: true,
  cancelImport: true,
  openExternal: true,
  getSettings: true,
  updateSettings: true,
  saveReading: true,
  setNote: true,
  setTags: true,
  listTags: true,
  listSources: true,
  exportArticle: true,
  deleteArticle: true,
  restoreArticle: true,
} as const satisfies Record<MethodName, true>;

export const METHOD_NAMES = Object.keys(METHODS) as MethodName[];
