/** DevInf → <DevInf xmlns="syncml:devinf"> in the DTD's element order (§1.3). */
import { el, emptyEl, textEl } from '../codec/xml-writer.js';
import type { ContentTypeInfo, CTCap, DevInf, DevInfDataStore } from './types.js';

export function serializeDevInf(d: DevInf): string {
  return (
    '<DevInf xmlns="syncml:devinf">' +
    textEl('VerDTD', d.verDTD) +
    textEl('Man', d.man) +
    textEl('Mod', d.mod) +
    textEl('OEM', d.oem) +
    textEl('FwV', d.fwV) +
    textEl('SwV', d.swV) +
    textEl('HwV', d.hwV) +
    textEl('DevID', d.devId) +
    textEl('DevTyp', d.devTyp) +
    emptyEl('UTC', d.utc) +
    emptyEl('SupportLargeObjs', d.supportLargeObjs) +
    emptyEl('SupportNumberOfChanges', d.supportNumberOfChanges) +
    d.dataStores.map(dataStore).join('') +
    '</DevInf>'
  );
}

function dataStore(ds: DevInfDataStore): string {
  return el(
    'DataStore',
    textEl('SourceRef', ds.sourceRef) +
      textEl('DisplayName', ds.displayName) +
      textEl('MaxGUIDSize', ds.maxGuidSize) +
      ct('Rx-Pref', ds.rxPref) +
      ds.rx.map((c) => ct('Rx', c)).join('') +
      ct('Tx-Pref', ds.txPref) +
      ds.tx.map((c) => ct('Tx', c)).join('') +
      ds.ctCaps.map(ctCap).join('') +
      el('SyncCap', ds.syncTypes.map((t) => textEl('SyncType', t)).join('')),
  );
}

function ct(name: string, c: ContentTypeInfo): string {
  return el(name, textEl('CTType', c.ctType) + textEl('VerCT', c.verCT));
}

function ctCap(c: CTCap): string {
  const props = c.properties
    .map((p) =>
      el(
        'Property',
        textEl('PropName', p.name) +
          p.valEnums.map((v) => textEl('ValEnum', v)).join('') +
          textEl('MaxOccur', p.maxOccur) +
          p.params
            .map((pp) =>
              el(
                'PropParam',
                textEl('ParamName', pp.name) + pp.valEnums.map((v) => textEl('ValEnum', v)).join(''),
              ),
            )
            .join(''),
      ),
    )
    .join('');
  return el('CTCap', textEl('CTType', c.ctType) + textEl('VerCT', c.verCT) + props);
}
