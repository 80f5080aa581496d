import { describe, expect, it } from 'vitest';
import { prelinkedState, settleLinks, type FolderPrelinks } from '../../../src/app/sync/prelinks.js';
import { emptyContact, outlookFolderId, type Contact, type SyncItem } from '../../../src/core/model/index.js';

const folderId = outlookFolderId('folder-1');
const contact = (displayName: string, extra: Partial<Contact> = {}): Contact => ({
  ...emptyContact(),
  displayName,
  ...extra,
});
const fp = (item: SyncItem) => `fp:${JSON.stringify(item)}`;

function setup(): FolderPrelinks {
  return {
    kind: 'contact',
    datastore: 'addressbook',
    links: [
      {
        outlookId: 'o1',
        guid: 'g1',
        name: 'Anna',
        score: 95,
        merged: contact('Anna'),
        crmFingerprint: fp(contact('Anna')),
      },
      {
        outlookId: 'o2',
        guid: 'g2',
        name: 'Bert',
        score: 90,
        merged: contact('Bert', { company: 'Berg GmbH' }),
        crmFingerprint: fp(contact('Bert')),
      },
    ],
  };
}

describe('first-sync links', () => {
  it('start a never-synced folder with one incomplete state per link: not sent, rewritten when its GUID comes', () => {
    const state = prelinkedState(folderId, setup(), undefined);
    expect(state.checkpoint).toMatchObject({
      folderId,
      kind: 'contact',
      datastore: 'addressbook',
      nextLuid: 3,
    });
    expect(state.checkpoint.lastAnchor).toBeUndefined();
    expect(state.items['o1']).toMatchObject({ luid: 'c1', guid: 'g1', incomplete: true });
    expect(state.items['o2']).toMatchObject({ luid: 'c2', guid: 'g2', incomplete: true });
  });

  it('after the first commit: a merge that differs from the CRM goes back, an unanswered link is re-added', () => {
    const state = prelinkedState(folderId, setup(), undefined);
    const committed = {
      checkpoint: { ...state.checkpoint, lastAnchor: '20260101T000000Z' },
      items: {
        o1: state.items['o1']!,
        o2: { ...state.items['o2']!, incomplete: undefined, fingerprint: 'x' },
      },
    };
    const settled = settleLinks(committed, setup(), fp);
    expect(settled.resend).toBe(1);
    expect(settled.state.checkpoint.pending).toEqual({ o1: 'readd', o2: 'resend' });
    expect(settled.state.items['o1']).toBeUndefined();
  });
});
