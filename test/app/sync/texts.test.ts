import { describe, expect, it } from 'vitest';
import { describePreview, SYNC_TEXTS } from '../../../src/app/sync/index.js';
import type { FolderPreview, GuardTrip } from '../../../src/core/sync/index.js';
import { FOLDER } from '../../core/sync/fixtures.js';

function setup() {
  const none = { creates: 0, updates: 0, deletes: 0, names: [] };
  const preview: FolderPreview = {
    folderId: FOLDER,
    datastore: 'addressbook',
    toOutlook: { ...none, creates: 12, deletes: 1 },
    toCrm: { ...none, updates: 3 },
    conflicts: 0,
    heldBack: 0,
    guardTrips: [],
  };
  const trip: GuardTrip = {
    reason: 'FOLDER_WOULD_EMPTY',
    folderId: FOLDER,
    datastore: 'addressbook',
    target: 'outlook',
    folderItemCount: 40,
    share: 1,
    maxShare: 0.1,
    deletions: [],
  };
  return { preview, trip, empty: { ...preview, toOutlook: none, toCrm: none } };
}

describe('sync texts', () => {
  it('say what a preview will do, in English and German, leaving out zero counts', () => {
    const { preview, empty } = setup();
    expect(describePreview(preview, 'en')).toBe(
      '12 new in Outlook, 1 deletion in Outlook, 3 changed in the CRM',
    );
    expect(describePreview(preview, 'de')).toBe(
      '12 neu in Outlook, 1 Löschung in Outlook, 3 geändert im CRM',
    );
    expect(describePreview(empty, 'en')).toBe('Nothing to sync');
  });

  it('have the same codes in both languages, none empty', () => {
    for (const table of ['outcome', 'runError', 'itemFailure'] as const) {
      const en = SYNC_TEXTS.en[table] as Record<string, string>;
      const de = SYNC_TEXTS.de[table] as Record<string, string>;
      expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
      expect([...Object.values(en), ...Object.values(de)].every((text) => text.length > 0)).toBe(true);
    }
  });

  it('explain a guard stop with the folder size', () => {
    const { trip } = setup();
    expect(SYNC_TEXTS.en.guard(trip)).toContain('40');
    expect(SYNC_TEXTS.de.guard(trip)).toContain('40');
  });
});
