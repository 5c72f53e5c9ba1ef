export { openCache, CACHE_TOO_NEW, type CacheDatabase, type OpenCacheOptions } from './database';
export { Library, type LibraryOptions } from './library';
export { OutboxService, normalisePatch, type ReplayReport } from './outbox';
export { SyncService, type OpenOutcome, type SyncDeps, type SyncOptions } from './syncService';
export { buildMatchQuery, parseMarked, type MatchQuery } from './ftsQuery';
export { mergeServerValues } from './editMerge';
export * from './types';
