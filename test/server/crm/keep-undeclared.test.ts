import { describe, expect, it } from 'vitest';
import {
  declaredProperties,
  keepUndeclaredProperties,
} from '../../../src/server/crm/content/keep-undeclared.js';
import type { DevInf } from '../../../src/core/syncml/index.js';

const PHOTO = `PHOTO;ENCODING=b;TYPE=JPEG:${'QUJD'.repeat(40)}`;
const stored = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'N:Muster;Max;;;',
  'FN:Max Muster',
  'ORG:Alt GmbH',
  'TEL:+49 1',
  PHOTO,
  'X-CRM-ID:4711',
  'END:VCARD',
  '',
].join('\r\n');
const incoming = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'N:Muster;Max;;;',
  'FN:Max Muster',
  'ORG:Neu GmbH',
  'END:VCARD',
  '',
].join('\r\n');

function devInf(names: readonly string[] | undefined): DevInf {
  const ct = { ctType: 'text/vcard', verCT: '3.0' };
  return {
    verDTD: '1.2',
    devId: 'd',
    devTyp: 'workstation',
    utc: true,
    supportLargeObjs: true,
    supportNumberOfChanges: true,
    dataStores: [
      {
        sourceRef: './contacts',
        rxPref: ct,
        rx: [],
        txPref: ct,
        tx: [],
        ctCaps: names
          ? [{ ...ct, properties: names.map((name) => ({ name, valEnums: [], params: [] })) }]
          : [],
        syncTypes: [1, 2],
      },
    ],
  };
}

const unfolded = (text: string) => text.replace(/\r\n /g, '');

describe('a Replace from a client keeps what its CTCap does not declare (like libsynthesis)', () => {
  it('keeps the photo and X- ids, takes the new company, clears a declared property left out', () => {
    const declared = declaredProperties(
      devInf(['BEGIN', 'END', 'VERSION', 'N', 'FN', 'ORG', 'TEL']),
      'contacts',
    );
    const merged = unfolded(keepUndeclaredProperties(stored, incoming, declared));
    expect(merged).toContain('ORG:Neu GmbH');
    expect(merged).toContain(PHOTO);
    expect(merged).toContain('X-CRM-ID:4711');
    expect(merged).not.toContain('TEL:'); // declared and left out: the client removed it
    expect(merged).not.toContain('Alt GmbH');
    expect(merged.endsWith('END:VCARD\r\n')).toBe(true);
  });

  it('takes the client version whole without CTCap, or when it sends the property itself', () => {
    expect(declaredProperties(devInf(undefined), './contacts')).toBeUndefined();
    expect(declaredProperties(undefined, './contacts')).toBeUndefined();
    expect(keepUndeclaredProperties(stored, incoming, undefined)).toBe(incoming);
    const withOwnId = incoming.replace('END:VCARD', 'X-CRM-ID:9999\r\nEND:VCARD');
    const merged = unfolded(keepUndeclaredProperties(stored, withOwnId, new Set(['N', 'FN', 'ORG'])));
    expect(merged).toContain('X-CRM-ID:9999');
    expect(merged).not.toContain('X-CRM-ID:4711');
  });
});
