import { describe, expect, it } from 'vitest';
import { guid } from '../../../src/core/model/index.js';
import {
  conflictPolicyByName,
  planOutlookWrites,
  summarisePlan,
  type ConflictPolicyName,
  type ItemSyncState,
  type OurChange,
  type PresentItem,
  type ServerChange,
  type SyncDirection,
} from '../../../src/core/sync/index.js';
import { contact, id, luid, testFingerprint } from './fixtures.js';

const anna = contact('Anna', 'Alt');
const annaInCrm = { ...anna, jobTitle: 'CRM edit', modifiedAt: '2026-01-02T00:00:00Z' };
const annaInOutlook = { ...anna, jobTitle: 'Outlook edit', modifiedAt: '2026-01-03T00:00:00Z' };
const stateOfAnna: ItemSyncState = {
  outlookId: id('o1'),
  luid: luid('c1'),
  fingerprint: testFingerprint(anna),
  lastSyncedAt: '2026-01-01T00:00:00Z',
};

interface Options {
  sent?: OurChange[];
  present?: [string, PresentItem][];
  committed?: string[];
  policy?: ConflictPolicyName;
  direction?: SyncDirection;
  items?: ItemSyncState[];
  outlookEdits?: string[];
}

function setup(serverChanges: ServerChange[], o: Options = {}) {
  const items = o.items ?? [stateOfAnna];
  return planOutlookWrites({
    kind: 'contact',
    datastore: 'addressbook',
    serverChanges,
    items: Object.fromEntries(items.map((s) => [s.outlookId, s])),
    committedIds: new Set(o.committed ?? items.map((s) => s.outlookId)),
    sent: o.sent ?? [],
    present: new Map((o.present ?? []).map(([k, v]) => [id(k), v])),
    policy: conflictPolicyByName(o.policy ?? 'crm-wins'),
    direction: o.direction ?? 'two-way',
    nextLuid: 5,
    fingerprint: testFingerprint,
    ...(o.outlookEdits ? { outlookEdits: new Set(o.outlookEdits.map(id)) } : {}),
  });
}

const sentReplace: OurChange = {
  op: 'replace',
  luid: luid('c1'),
  outlookId: id('o1'),
  item: annaInOutlook,
  fingerprint: testFingerprint(annaInOutlook),
  name: 'Anna Alt',
};

describe('planOutlookWrites', () => {
  it('plans a create with a new LUID for a server Add, answered 201 with that LUID', () => {
    const plan = setup([{ op: 'add', guid: guid('g1'), item: contact('Bert', 'Berg') }]);
    expect(plan.writes).toHaveLength(1);
    expect(plan.writes[0]).toMatchObject({
      write: { op: 'create', link: { luid: 'c5' } },
      answerOnSuccess: { status: 201, luid: 'c5' },
    });
    expect(plan.nextLuid).toBe(6);
  });

  it('twins a server Add onto an unlinked Outlook item with the same content instead of copying it', () => {
    const bert = contact('Bert', 'Berg');
    const plan = setup([{ op: 'add', guid: guid('g1'), item: bert }], {
      present: [['o2', { item: bert, fingerprint: testFingerprint(bert) }]],
    });
    expect(plan.writes).toEqual([
      expect.objectContaining({ linkOnly: true, write: expect.objectContaining({ op: 'update', id: 'o2' }) }),
    ]);
    expect(summarisePlan(plan).toOutlook).toEqual({ creates: 0, updates: 0, deletes: 0 });
  });

  it('plans an update for a server Replace and nothing when the content is what we have', () => {
    const changed = setup([{ op: 'replace', luid: luid('c1'), item: annaInCrm }]);
    expect(changed.writes[0]?.write).toMatchObject({ op: 'update', id: 'o1', item: annaInCrm });
    const same = setup([{ op: 'replace', luid: luid('c1'), item: anna }]);
    expect(same.writes).toEqual([]);
    expect(same.unchanged).toBe(1);
    expect(same.immediateAnswers.get(0)).toEqual({ status: 200 });
  });

  it('decides a conflict by policy and keeps both versions (CRM wins by default)', () => {
    const plan = setup([{ op: 'replace', luid: luid('c1'), item: annaInCrm }], { sent: [sentReplace] });
    expect(plan.writes[0]?.write).toMatchObject({ op: 'update', item: annaInCrm });
    expect(plan.conflicts).toEqual([
      expect.objectContaining({
        winner: 'crm',
        policy: 'crm-wins',
        crmVersion: annaInCrm,
        outlookVersion: annaInOutlook,
      }),
    ]);
  });

  it('keeps the Outlook version when Outlook wins, and marks it to be sent again', () => {
    for (const policy of ['outlook-wins', 'newest-wins'] as const) {
      const plan = setup([{ op: 'replace', luid: luid('c1'), item: annaInCrm }], {
        sent: [sentReplace],
        policy,
      });
      expect(plan.writes).toEqual([]);
      expect(plan.conflicts[0]?.winner).toBe('outlook');
      expect(plan.pending).toEqual({ o1: 'resend' });
    }
  });

  it('in a slow sync, a CRM edit of an item Outlook only re-sent is no conflict, even when Outlook wins', () => {
    const resentAsIs: OurChange = { ...sentReplace, item: anna, fingerprint: testFingerprint(anna) };
    const plan = setup([{ op: 'replace', luid: luid('c1'), item: annaInCrm }], {
      sent: [resentAsIs],
      outlookEdits: [],
      policy: 'outlook-wins',
    });
    expect(plan.conflicts).toEqual([]);
    expect(plan.writes[0]?.write).toMatchObject({ op: 'update', id: 'o1', item: annaInCrm });
    // The same CRM edit against a real Outlook edit stays a conflict the policy decides.
    const edited = setup([{ op: 'replace', luid: luid('c1'), item: annaInCrm }], {
      sent: [sentReplace],
      outlookEdits: ['o1'],
      policy: 'outlook-wins',
    });
    expect(edited.conflicts[0]?.winner).toBe('outlook');
  });

  it('treats a Replace to the LUID of our Add in this session as that item, not a new one (slow-sync pairing)', () => {
    const bert = contact('Bert', 'Berg');
    const sentAdd: OurChange = {
      op: 'add',
      luid: luid('c9'),
      outlookId: id('o9'),
      item: bert,
      fingerprint: testFingerprint(bert),
      name: 'Bert Berg',
    };
    const same = setup([{ op: 'replace', luid: luid('c9'), item: bert }], { sent: [sentAdd] });
    expect(same.writes).toEqual([]);
    const crmVersion = { ...bert, jobTitle: 'CRM' };
    const paired = setup([{ op: 'replace', luid: luid('c9'), item: crmVersion }], { sent: [sentAdd] });
    expect(paired.writes.map((w) => w.write)).toEqual([
      expect.objectContaining({ op: 'update', id: 'o9', item: crmVersion }),
    ]);
  });

  it('gives an appointment without a UID a stable one, the same on every later write', () => {
    const event: ServerChange = {
      op: 'add',
      guid: guid('g7'),
      item: {
        kind: 'event',
        subject: 'Notartermin',
        timing: { allDay: true, startDate: '2026-03-02' as never, endDate: '2026-03-03' as never },
        exceptions: [],
        sensitivity: 'normal',
        categories: [],
        attendees: [],
        extra: {},
      },
    };
    const plan = setup([event]);
    const written = plan.writes[0]?.write;
    expect(written?.op === 'create' && written.item.kind === 'event' && written.item.uid).toBe(
      'crm-addressbook-g7@outlook-crm-sync',
    );
  });

  it('plans deletes and reports them for the deletion guard', () => {
    const plan = setup([{ op: 'delete', luid: luid('c1') }]);
    expect(plan.writes[0]?.write).toEqual({ op: 'delete', key: 's0', id: 'o1' });
    expect(plan.serverDeletions).toEqual([expect.objectContaining({ luid: 'c1', outlookId: 'o1' })]);
  });

  it('lets an Outlook edit beat a CRM deletion: no delete, the item goes back as a new Add', () => {
    const plan = setup([{ op: 'delete', luid: luid('c1') }], { sent: [sentReplace] });
    expect(plan.writes).toEqual([]);
    expect(plan.conflicts[0]).toMatchObject({ kind: 'crm-deleted', winner: 'outlook' });
    expect(plan.pending).toEqual({ o1: 'readd' });
    expect(plan.dropStates).toEqual(['o1']);
  });

  it('answers a Delete of an unknown LUID with 211 and an undecodable item with 415', () => {
    const failure = { code: 'UNPARSEABLE' as const, detail: 'MALFORMED_LINE' };
    const plan = setup([
      { op: 'delete', luid: luid('zz') },
      { op: 'undecodable', wireOp: 'add', guid: guid('g9'), failure },
    ]);
    expect(plan.writes).toEqual([]);
    expect([...plan.immediateAnswers.entries()]).toEqual([
      [0, { status: 211 }],
      [1, { status: 415 }],
    ]);
    expect(plan.failures).toEqual([expect.objectContaining({ failure })]);
  });

  it('applies nothing for a folder synced Outlook → CRM only', () => {
    const plan = setup([{ op: 'add', guid: guid('g1'), item: anna }], { direction: 'outlook-to-crm' });
    expect(plan.writes).toEqual([]);
    expect(plan.failures[0]?.failure.code).toBe('DIRECTION_BLOCKED');
  });
});
