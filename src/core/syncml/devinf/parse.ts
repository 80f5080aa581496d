/** <DevInf> element → DevInf. Lenient: peers omit optional parts, and 1.1 peers put CTCap outside DataStore. */
import { SyncMLError } from '../errors.js';
import { child, childrenNamed, intOf, requireText, textOf, type XmlElement } from '../codec/xml-tree.js';
import type { ContentTypeInfo, CTCap, CTCapProperty, DevInf, DevInfDataStore } from './types.js';

export function parseDevInfElement(el: XmlElement): DevInf {
  const path = 'DevInf';
  const dataStores = childrenNamed(el, 'DataStore').map((ds) => parseDataStore(ds, `${path}/DataStore`));
  const opt = (name: string) => textOf(el, name);
  return {
    verDTD: requireText(el, 'VerDTD', path),
    ...strip({
      man: opt('Man'),
      mod: opt('Mod'),
      oem: opt('OEM'),
      fwV: opt('FwV'),
      swV: opt('SwV'),
      hwV: opt('HwV'),
    }),
    devId: requireText(el, 'DevID', path),
    devTyp: textOf(el, 'DevTyp') ?? 'unknown',
    utc: child(el, 'UTC') !== undefined,
    supportLargeObjs: child(el, 'SupportLargeObjs') !== undefined,
    supportNumberOfChanges: child(el, 'SupportNumberOfChanges') !== undefined,
    dataStores,
  };
}

function parseDataStore(el: XmlElement, path: string): DevInfDataStore {
  const syncCap = child(el, 'SyncCap');
  const rxPref = child(el, 'Rx-Pref');
  const txPref = child(el, 'Tx-Pref');
  if (!rxPref || !txPref) {
    throw new SyncMLError('MISSING_ELEMENT', `missing Rx-Pref/Tx-Pref in ${path}`, {
      element: 'Rx-Pref',
      path,
    });
  }
  const displayName = textOf(el, 'DisplayName');
  const maxGuidSize = intOf(el, 'MaxGUIDSize', path);
  return {
    sourceRef: requireText(el, 'SourceRef', path),
    ...(displayName !== undefined ? { displayName } : {}),
    ...(maxGuidSize !== undefined ? { maxGuidSize } : {}),
    rxPref: parseCt(rxPref, `${path}/Rx-Pref`),
    rx: childrenNamed(el, 'Rx').map((e) => parseCt(e, `${path}/Rx`)),
    txPref: parseCt(txPref, `${path}/Tx-Pref`),
    tx: childrenNamed(el, 'Tx').map((e) => parseCt(e, `${path}/Tx`)),
    ctCaps: childrenNamed(el, 'CTCap').map((e) => parseCtCap(e, `${path}/CTCap`)),
    syncTypes: syncCap
      ? childrenNamed(syncCap, 'SyncType')
          .map((e) => Number(e.text.trim()))
          .filter(Number.isFinite)
      : [],
  };
}

function parseCt(el: XmlElement, path: string): ContentTypeInfo {
  return { ctType: requireText(el, 'CTType', path), verCT: textOf(el, 'VerCT') ?? '' };
}

function parseCtCap(el: XmlElement, path: string): CTCap {
  return {
    ...parseCt(el, path),
    properties: childrenNamed(el, 'Property').map((p) => parseProperty(p, `${path}/Property`)),
  };
}

function parseProperty(el: XmlElement, path: string): CTCapProperty {
  const maxOccur = intOf(el, 'MaxOccur', path);
  return {
    name: requireText(el, 'PropName', path),
    valEnums: childrenNamed(el, 'ValEnum').map((v) => v.text.trim()),
    ...(maxOccur !== undefined ? { maxOccur } : {}),
    params: childrenNamed(el, 'PropParam').map((pp) => ({
      name: requireText(pp, 'ParamName', `${path}/PropParam`),
      valEnums: childrenNamed(pp, 'ValEnum').map((v) => v.text.trim()),
    })),
  };
}

function strip<T extends Record<string, string | undefined>>(o: T): Partial<Record<keyof T, string>> {
  const out: Partial<Record<keyof T, string>> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k as keyof T] = v;
  return out;
}
