import { describe, expect, it } from 'vitest';
import { buildOurDevInf } from '../../../src/core/syncml/devinf/ours.js';

function setup(contentType: 'text/vcard' | 'text/x-vcard') {
  const devInf = buildOurDevInf({
    deviceId: 'dev-1',
    softwareVersion: '1',
    maxGuidSize: 64,
    dataStores: [{ localUri: './contacts', contentType, kind: 'contacts' }],
  });
  return devInf.dataStores[0]!.ctCaps.flatMap((c) => c.properties.map((p) => p.name));
}

describe('our contact CTCap', () => {
  it.each(['text/vcard', 'text/x-vcard'] as const)(
    'declares PHOTO (a libsynthesis server sends nothing undeclared) and no X- property (%s)',
    (contentType) => {
      const names = setup(contentType);
      expect(names).toEqual(
        expect.arrayContaining(['N', 'FN', 'ORG', 'TEL', 'EMAIL', 'ADR', 'NOTE', 'UID', 'PHOTO']),
      );
      expect(names.filter((n) => n.startsWith('X-'))).toEqual([]);
    },
  );
});
