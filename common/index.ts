/**
 * Everything every process may share: the domain's types, the reader's settings, import reports
 * and their failure codes, and the contract between the renderer and main. Nothing here imports
 * Node, the DOM, Electron or zod, and nothing here imports anything of ours outside common/.
 */
export * from './contract';
export * from './domain';
export * from './import-failures';
export * from './import-notes';
export * from './import-report';
export * from './settings';
export * from './subscriptions';
