/**
 * Package 1: the client's sync Alerts. Decides the mode per datastore (508 + slow sync when the
 * client's Last anchor is not the Next we stored after its last completed session), answers
 * with a Status that echoes the client's Next, and prepares the CRM's own Alert.
 */
import {
  ALERT_BY_SYNC_MODE,
  SYNC_MODE_BY_ALERT,
  type AlertCommand,
  type StatusCommand,
  type SyncMode,
} from '../../../core/syncml/index.js';
import { DATASTORE_FORMATS, isDatastore, type Datastore } from '../datastores.js';
import type { CrmStore } from '../store/crm-store.js';
import type { Session } from './session-state.js';

export interface AlertContext {
  readonly store: CrmStore;
  readonly session: Session;
  readonly msgId: string;
  readonly maxObjSize: number;
  readonly now: Date;
  /** Fault hook: answer 508 to a two-way Alert although the anchors match. */
  readonly forceRefresh: boolean;
}

/** 'addressbook', './addressbook' and a URI ending in '/addressbook' all name the datastore. */
export function datastoreFromUri(uri: string | undefined): Datastore | undefined {
  if (uri === undefined) return undefined;
  const name = uri.replace(/^\.\//, '').replace(/^.*\//, '').split('?')[0] ?? '';
  return isDatastore(name) ? name : undefined;
}

/** Anchors like SyncEvolution's: UTC basic format, 20261121T043812Z. */
export function anchorStamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

const NEEDS_MATCHING_ANCHORS: ReadonlySet<SyncMode> = new Set([
  'two-way',
  'one-way-from-client',
  'one-way-from-server',
]);

export interface AlertOutcome {
  readonly status: Omit<StatusCommand, 'cmdId'>;
  readonly serverAlert?: Omit<AlertCommand, 'cmdId'>;
}

export function handleSyncAlert(ctx: AlertContext, alert: AlertCommand): AlertOutcome {
  const item = alert.items[0];
  const targetUri = item?.target?.locUri;
  const sourceUri = item?.source?.locUri;
  const status = (code: number, extra: Partial<StatusCommand> = {}): Omit<StatusCommand, 'cmdId'> => ({
    kind: 'Status',
    msgRef: ctx.msgId,
    cmdRef: alert.cmdId,
    cmd: 'Alert',
    targetRefs: targetUri === undefined ? [] : [targetUri],
    sourceRefs: sourceUri === undefined ? [] : [sourceUri],
    code,
    items: [],
    ...extra,
  });
  // Resume (225) is refused like libsynthesis does: 509 and a normal sync in the same session.
  const resume = alert.code === 225;
  const requested = resume ? 'two-way' : SYNC_MODE_BY_ALERT[alert.code];
  if (requested === undefined) return { status: status(406) };
  if (ctx.session.phase !== 'init') return { status: status(405) };
  const datastore = datastoreFromUri(targetUri);
  if (datastore === undefined || sourceUri === undefined) return { status: status(404) };
  const clientAnchor = item?.meta?.anchor;
  if (clientAnchor === undefined) return { status: status(412) };

  const { store, session } = ctx;
  if (item?.meta?.maxObjSize !== undefined) session.clientMaxObjSize = item.meta.maxObjSize;
  const stored = store.getAnchor(session.deviceId, datastore);
  const anchorsAgree =
    stored !== undefined && clientAnchor.last !== undefined && stored.clientAnchor === clientAnchor.last;
  const refreshNeeded = NEEDS_MATCHING_ANCHORS.has(requested) && (!anchorsAgree || ctx.forceRefresh);
  const mode: SyncMode = refreshNeeded ? 'slow' : requested;
  if (!NEEDS_MATCHING_ANCHORS.has(mode)) {
    // A slow sync or refresh re-pairs everything. Until it completes, the device has no valid
    // anchor, so an interrupted one is followed by another slow sync, never by a two-way sync
    // over half-built maps.
    store.clearMaps(session.deviceId, datastore);
    store.deleteAnchor(session.deviceId, datastore);
  }
  const serverNext = anchorStamp(ctx.now);
  session.datastores.set(datastore, {
    datastore,
    clientUri: sourceUri,
    serverUri: targetUri!,
    mode,
    clientNext: clientAnchor.next,
    serverLast: stored?.serverAnchor,
    serverNext,
    sinceRev: NEEDS_MATCHING_ANCHORS.has(mode) ? (stored?.syncedRev ?? 0) : 0,
    claimed: new Set(),
    twins: new Set(),
    sendReplace: new Set(),
    failedRevs: [],
    counts: { fromClient: 0, toClient: 0 },
    sendType: DATASTORE_FORMATS[datastore].canonical,
  });
  return {
    status: status(refreshNeeded ? 508 : resume ? 509 : 200, {
      items: [{ data: { kind: 'anchor', anchor: { next: clientAnchor.next } } }],
    }),
    serverAlert: {
      kind: 'Alert',
      code: ALERT_BY_SYNC_MODE[mode],
      items: [
        {
          target: { locUri: sourceUri },
          source: { locUri: targetUri! },
          meta: {
            anchor: { ...(stored !== undefined ? { last: stored.serverAnchor } : {}), next: serverNext },
            maxObjSize: ctx.maxObjSize,
          },
        },
      ],
    },
  };
}
