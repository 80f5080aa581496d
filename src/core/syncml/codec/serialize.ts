/**
 * serializeMessage: SyncMLMessage → XML text in the DTD's element order (§1.3), upper-case
 * root namespace, syncml:metinf on every Meta child, item text in CDATA with CR/LF kept.
 * serializeCommand/serializeEnvelope let the packer measure and fill messages up to MaxMsgSize.
 */
import { serializeDevInf } from '../devinf/serialize.js';
import type { Anchor, Cred, Item, LocRef, Meta, SyncHdr, SyncMLCommand, SyncMLMessage } from '../model.js';
import { SYNCML_NAMESPACE } from '../model.js';
import { cdata, el, emptyEl, nsTextEl, textEl } from './xml-writer.js';

const METINF = 'syncml:metinf';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>';

export function serializeMessage(msg: SyncMLMessage): string {
  return serializeEnvelope(msg.header, msg.body.map(serializeCommand), msg.final);
}

export function serializeEnvelope(header: SyncHdr, commandsXml: readonly string[], final: boolean): string {
  return (
    `${XML_DECL}<SyncML xmlns="${SYNCML_NAMESPACE}">` +
    serializeHeader(header) +
    `<SyncBody>${commandsXml.join('')}${final ? '<Final/>' : ''}</SyncBody></SyncML>`
  );
}

export function serializeHeader(h: SyncHdr): string {
  return el(
    'SyncHdr',
    textEl('VerDTD', h.verDTD) +
      textEl('VerProto', h.verProto) +
      textEl('SessionID', h.sessionId) +
      textEl('MsgID', h.msgId) +
      locRef('Target', h.target) +
      locRef('Source', h.source) +
      textEl('RespURI', h.respUri) +
      emptyEl('NoResp', h.noResp) +
      (h.cred ? cred(h.cred) : '') +
      meta(h.meta),
  );
}

export function serializeCommand(c: SyncMLCommand): string {
  switch (c.kind) {
    case 'Status':
      return el(
        'Status',
        textEl('CmdID', c.cmdId) +
          textEl('MsgRef', c.msgRef) +
          textEl('CmdRef', c.cmdRef) +
          textEl('Cmd', c.cmd) +
          c.targetRefs.map((r) => textEl('TargetRef', r)).join('') +
          c.sourceRefs.map((r) => textEl('SourceRef', r)).join('') +
          (c.chal ? el('Chal', meta(c.chal.meta)) : '') +
          textEl('Data', c.code) +
          c.items.map(item).join(''),
      );
    case 'Alert':
      return el(
        'Alert',
        textEl('CmdID', c.cmdId) +
          emptyEl('NoResp', c.noResp) +
          textEl('Data', c.code) +
          c.items.map(item).join(''),
      );
    case 'Sync':
      return el(
        'Sync',
        textEl('CmdID', c.cmdId) +
          emptyEl('NoResp', c.noResp) +
          (c.target ? locRef('Target', c.target) : '') +
          (c.source ? locRef('Source', c.source) : '') +
          meta(c.meta) +
          textEl('NumberOfChanges', c.numberOfChanges) +
          c.commands.map(serializeCommand).join(''),
      );
    case 'Add':
    case 'Replace':
    case 'Put':
    case 'Get':
      return el(
        c.kind,
        textEl('CmdID', c.cmdId) + emptyEl('NoResp', c.noResp) + meta(c.meta) + c.items.map(item).join(''),
      );
    case 'Delete':
      return el(
        'Delete',
        textEl('CmdID', c.cmdId) +
          emptyEl('NoResp', c.noResp) +
          emptyEl('Archive', c.archive) +
          emptyEl('SftDel', c.sftDel) +
          meta(c.meta) +
          c.items.map(item).join(''),
      );
    case 'Results':
      return el(
        'Results',
        textEl('CmdID', c.cmdId) +
          textEl('MsgRef', c.msgRef) +
          textEl('CmdRef', c.cmdRef) +
          meta(c.meta) +
          textEl('TargetRef', c.targetRef) +
          textEl('SourceRef', c.sourceRef) +
          c.items.map(item).join(''),
      );
    case 'Map':
      return el(
        'Map',
        textEl('CmdID', c.cmdId) +
          locRef('Target', c.target) +
          locRef('Source', c.source) +
          meta(c.meta) +
          c.mapItems
            .map((m) =>
              el('MapItem', locRef('Target', { locUri: m.target }) + locRef('Source', { locUri: m.source })),
            )
            .join(''),
      );
  }
}

function locRef(name: string, r: LocRef): string {
  return el(name, textEl('LocURI', r.locUri) + textEl('LocName', r.locName));
}

function cred(c: Cred): string {
  return el('Cred', meta(c.meta) + textEl('Data', c.data));
}

/** MetInf children in DTD order: Format, Type, Mark, Size, Anchor, Version, NextNonce, MaxMsgSize, MaxObjSize. */
export function meta(m: Meta | undefined): string {
  if (!m) return '';
  const inner =
    nsTextEl('Format', METINF, m.format) +
    nsTextEl('Type', METINF, m.type) +
    nsTextEl('Mark', METINF, m.mark) +
    nsTextEl('Size', METINF, m.size) +
    (m.anchor ? anchor(m.anchor) : '') +
    nsTextEl('Version', METINF, m.version) +
    nsTextEl('NextNonce', METINF, m.nextNonce) +
    nsTextEl('MaxMsgSize', METINF, m.maxMsgSize) +
    nsTextEl('MaxObjSize', METINF, m.maxObjSize);
  return inner ? el('Meta', inner) : '';
}

function anchor(a: Anchor): string {
  return `<Anchor xmlns="${METINF}">${textEl('Last', a.last)}${textEl('Next', a.next)}</Anchor>`;
}

function item(i: Item): string {
  return el(
    'Item',
    (i.target ? locRef('Target', i.target) : '') +
      (i.source ? locRef('Source', i.source) : '') +
      meta(i.meta) +
      itemData(i) +
      emptyEl('MoreData', i.moreData),
  );
}

function itemData(i: Item): string {
  const d = i.data;
  if (!d) return '';
  switch (d.kind) {
    case 'text':
      return el('Data', cdata(d.text));
    case 'devinf':
      return el('Data', serializeDevInf(d.devInf));
    case 'anchor':
      return el('Data', anchor(d.anchor));
  }
}
