/**
 * IPC channel names, apart from the contract's schemas so that the sandboxed preload can use them
 * without bundling zod (which would multiply its size by two hundred). Re-exported by api.ts.
 */
import type { MethodName } from './api';

/** The IPC channel of a method. Unknown channels have no handler and are unreachable. */
export const channelOf = (name: MethodName): string => `sahifa:${name}`;
export const EVENT_CHANNEL = 'sahifa:event';
