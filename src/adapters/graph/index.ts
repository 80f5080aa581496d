/**
 * The Graph adapter's public surface: the client (one chokepoint for every Graph call), folder
 * operations for the task pane, and the three OutlookStore implementations for the sync engine.
 */
import type { OutlookStore } from '../../core/sync/outlook-store.js';
import type { GraphClient } from './client.js';
import { graphCodecs, type GraphCodecOptions } from './codecs.js';
import { GraphContactStore } from './contact-store.js';
import { GraphEventStore, type GraphEventStoreOptions } from './event-store.js';
import type { GraphStoreOptions } from './store-base.js';
import { GraphTaskStore } from './task-store.js';

export { GraphClient, GRAPH_BASE_URL, GRAPH_SCOPES, parseRetryAfter } from './client.js';
export type { GraphClientOptions, GraphStats, Page, RequestOptions, TokenProvider } from './client.js';
export type { BatchItemResult, BatchOptions, BatchRequest } from './batch.js';
export { GraphError, graphErrorCodeFor, toStoreIssue } from './errors.js';
export type { GraphErrorCode, GraphErrorDetails } from './errors.js';
export { GRAPH_OUTLOOK_RATE_LIMIT, Semaphore, TokenBucket, systemClock } from './pacing.js';
export type { Clock, RateLimit } from './pacing.js';
export {
  FolderNameError,
  MAX_FOLDER_NAME_LENGTH,
  createFolder,
  listFolders,
  listFoldersOfKind,
  validateFolderName,
} from './folders.js';
export type {
  CreateFolderOptions,
  FolderInfo,
  FolderKind,
  FolderListing,
  FolderNameErrorCode,
} from './folders.js';
export { graphCodecs, outlookShapes } from './codecs.js';
export type { GraphCodecOptions, GraphCodecs } from './codecs.js';
export { GraphContactStore, GraphEventStore, GraphTaskStore };
export type { GraphEventStoreOptions, GraphStoreOptions };
export type { GraphCodec, GraphWrite } from './store-support.js';

export interface GraphStores {
  readonly contact: OutlookStore;
  readonly event: OutlookStore;
  readonly task: OutlookStore;
}

/** The three stores over one client (one mailbox), with the formats' mappings. */
export function createGraphStores(
  client: GraphClient,
  options: GraphCodecOptions & GraphEventStoreOptions = {},
): GraphStores {
  const codecs = graphCodecs(options);
  return {
    contact: new GraphContactStore(client, codecs.contact, options),
    event: new GraphEventStore(client, codecs.event, options),
    task: new GraphTaskStore(client, codecs.task, options),
  };
}
