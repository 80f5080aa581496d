/**
 * Delta and skip tokens. Like Graph's, they are opaque and live in a size-bounded cache: when it
 * is full the oldest are evicted, and an evicted or expired token answers 410 SyncStateNotFound.
 * Only delta links (round ends) are persisted; a reload mid-round costs the client a full round,
 * which it must survive anyway.
 */
import { GraphError } from '../errors.js';
import { newId } from '../ids.js';

export type DeltaScope =
  | { readonly type: 'contacts' | 'tasks'; readonly folderId: string }
  | {
      readonly type: 'calendarView';
      readonly folderId: string;
      readonly startMs: number;
      readonly endMs: number;
      readonly startDateTime: string;
      readonly endDateTime: string;
    };

export interface DeltaQuery {
  readonly select?: readonly string[];
  /** The raw $expand of the round's first request (To Do delta supports it). */
  readonly expand?: string;
}

/** What the client has seen at a round's end: snapshot key → [version, REST id at that time]. */
export type DeltaBaseline = Readonly<Record<string, readonly [string, string]>>;

export interface DeltaEntry {
  /** Snapshot key: an immutable item id, or an occurrence id built from it. */
  readonly key: string;
  readonly restId: string;
  readonly removed: boolean;
}

export interface DeltaLinkState {
  readonly kind: 'link';
  readonly scope: DeltaScope;
  readonly query: DeltaQuery;
  readonly baseline: DeltaBaseline;
}

export interface DeltaPageState {
  readonly kind: 'page';
  readonly scope: DeltaScope;
  readonly query: DeltaQuery;
  readonly entries: readonly DeltaEntry[];
  readonly offset: number;
  /** The baseline the round ends with (shared by all pages of the round). */
  readonly nextBaseline: DeltaBaseline;
  readonly pageSize?: number;
}

export type DeltaTokenState = DeltaLinkState | DeltaPageState;
export interface DeltaTokenJson {
  token: string;
  state: DeltaLinkState;
}

export class DeltaTokenTable {
  private readonly tokens = new Map<string, DeltaTokenState>();

  constructor(private readonly capacity: number) {}

  issue(state: DeltaTokenState): string {
    const token = newId('changeKey').slice(8) + newId('changeKey').slice(8) + newId('changeKey').slice(8);
    this.tokens.set(token, state);
    while (this.tokens.size > this.capacity) {
      const oldest = this.tokens.keys().next().value as string;
      this.tokens.delete(oldest);
    }
    return token;
  }

  resolve(token: string): DeltaTokenState {
    const state = this.tokens.get(token);
    if (!state) {
      throw new GraphError(
        410,
        'SyncStateNotFound',
        'The sync state generation is not found; please restart the synchronization.',
        {
          token,
        },
      );
    }
    return state;
  }

  /**
   * Expires one token. Accepts the token itself or a whole nextLink/deltaLink URL (tests and the
   * console have the link, not the token). Returns whether anything was expired.
   */
  expire(tokenOrLink: string): boolean {
    const match = /[?&]\$(?:deltatoken|skiptoken)=([^&]+)/.exec(tokenOrLink);
    const token = match ? decodeURIComponent(match[1]!) : tokenOrLink;
    return this.tokens.delete(token);
  }

  expireAll(): number {
    const count = this.tokens.size;
    this.tokens.clear();
    return count;
  }

  get size(): number {
    return this.tokens.size;
  }

  toJSON(): DeltaTokenJson[] {
    const out: DeltaTokenJson[] = [];
    for (const [token, state] of this.tokens) if (state.kind === 'link') out.push({ token, state });
    return out;
  }

  load(entries: readonly DeltaTokenJson[]): void {
    for (const { token, state } of entries) this.tokens.set(token, state);
  }
}
