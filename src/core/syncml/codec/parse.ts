/**
 * parseMessage: SyncML XML text → SyncMLMessage, or a SyncMLError saying what and where.
 * Lenient where real peers differ (namespaces, Meta on command or item), strict where a wrong
 * guess would corrupt data (unknown commands, non-numeric ids and codes, truncated XML).
 */
import { SyncMLError } from '../errors.js';
import type {
  Anchor,
  Chal,
  Cred,
  Item,
  ItemData,
  LocRef,
  MapCommand,
  Meta,
  SyncCommand,
  SyncHdr,
  SyncItemCommand,
  SyncMLCommand,
  SyncMLMessage,
} from '../model.js';
import { parseDevInfElement } from '../devinf/parse.js';
import {
  child,
  childrenNamed,
  intOf,
  parseIntStrict,
  parseXmlTree,
  requireChild,
  requireText,
  textOf,
  type ParseXmlOptions,
  type XmlElement,
} from './xml-tree.js';

const SUPPORTED_VERSIONS = new Set(['1.0', '1.1', '1.2']);

/** `binary`: the input is bytes as a binary string (see ParseXmlOptions); item text then also carries its bytes. */
export function parseMessage(xml: string, options: ParseXmlOptions = {}): SyncMLMessage {
  if (!/<([A-Za-z_][\w.-]*:)?SyncML[\s>]/.test(xml)) {
    throw new SyncMLError('NOT_SYNCML', 'the reply is not a SyncML message', { start: xml.slice(0, 60) });
  }
  const root = parseXmlTree(xml, options);
  if (root.name !== 'SyncML')
    throw new SyncMLError('NOT_SYNCML', `root element is <${root.name}>`, { root: root.name });
  const header = parseHeader(requireChild(root, 'SyncHdr', 'SyncML'));
  const body = requireChild(root, 'SyncBody', 'SyncML');
  const commands: SyncMLCommand[] = [];
  let final = false;
  for (const el of body.children) {
    if (el.name === 'Final') final = true;
    else commands.push(parseCommand(el, 'SyncBody'));
  }
  return { header, body: commands, final };
}

function parseHeader(el: XmlElement): SyncHdr {
  const path = 'SyncHdr';
  const verDTD = requireText(el, 'VerDTD', path);
  if (!SUPPORTED_VERSIONS.has(verDTD))
    throw new SyncMLError('UNSUPPORTED_VERSION', `VerDTD ${verDTD}`, { verDTD });
  const msgId = requireText(el, 'MsgID', path);
  parseIntStrict(msgId, `${path}/MsgID`);
  const credEl = child(el, 'Cred');
  const metaEl = child(el, 'Meta');
  return {
    verDTD,
    verProto: requireText(el, 'VerProto', path),
    sessionId: requireText(el, 'SessionID', path),
    msgId,
    target: parseLocRef(requireChild(el, 'Target', path), `${path}/Target`),
    source: parseLocRef(requireChild(el, 'Source', path), `${path}/Source`),
    ...opt('respUri', textOf(el, 'RespURI')),
    ...(child(el, 'NoResp') ? { noResp: true } : {}),
    ...(credEl ? { cred: parseCred(credEl) } : {}),
    ...(metaEl ? { meta: parseMeta(metaEl, `${path}/Meta`) } : {}),
  };
}

function parseCred(el: XmlElement): Cred {
  const metaEl = child(el, 'Meta');
  return {
    data: requireText(el, 'Data', 'Cred'),
    ...(metaEl ? { meta: parseMeta(metaEl, 'Cred/Meta') } : {}),
  };
}

function parseLocRef(el: XmlElement, path: string): LocRef {
  return { locUri: requireText(el, 'LocURI', path), ...opt('locName', textOf(el, 'LocName')) };
}

function optLocRef(el: XmlElement, name: string, path: string): { [k: string]: LocRef } {
  const found = child(el, name);
  return found ? { [name === 'Target' ? 'target' : 'source']: parseLocRef(found, `${path}/${name}`) } : {};
}

export function parseMeta(el: XmlElement, path: string): Meta {
  const anchorEl = child(el, 'Anchor');
  return {
    ...opt('format', textOf(el, 'Format')),
    ...opt('type', textOf(el, 'Type')),
    ...opt('mark', textOf(el, 'Mark')),
    ...opt('size', intOf(el, 'Size', path)),
    ...(anchorEl ? { anchor: parseAnchor(anchorEl, `${path}/Anchor`) } : {}),
    ...opt('version', textOf(el, 'Version')),
    ...opt('nextNonce', textOf(el, 'NextNonce')),
    ...opt('maxMsgSize', intOf(el, 'MaxMsgSize', path)),
    ...opt('maxObjSize', intOf(el, 'MaxObjSize', path)),
  };
}

function parseAnchor(el: XmlElement, path: string): Anchor {
  return { next: requireText(el, 'Next', path), ...opt('last', textOf(el, 'Last')) };
}

function parseCommand(el: XmlElement, path: string): SyncMLCommand {
  const at = `${path}/${el.name}`;
  switch (el.name) {
    case 'Status':
      return parseStatus(el, at);
    case 'Alert':
      return {
        kind: 'Alert',
        ...base(el, at),
        code: parseIntStrict(textOf(el, 'Data') ?? '', `${at}/Data`),
        items: parseItems(el, at),
      };
    case 'Sync':
      return parseSync(el, at);
    case 'Add':
    case 'Replace':
    case 'Delete':
      return parseSyncItemCommand(el, at);
    case 'Put':
    case 'Get':
      return { kind: el.name, ...base(el, at), ...metaOf(el, at), items: parseItems(el, at) };
    case 'Results':
      return {
        kind: 'Results',
        cmdId: cmdIdOf(el, at),
        ...opt('msgRef', textOf(el, 'MsgRef')),
        cmdRef: requireText(el, 'CmdRef', at),
        ...metaOf(el, at),
        ...opt('targetRef', textOf(el, 'TargetRef')),
        ...opt('sourceRef', textOf(el, 'SourceRef')),
        items: parseItems(el, at),
      };
    case 'Map':
      return parseMap(el, at);
    default:
      throw new SyncMLError('UNKNOWN_COMMAND', `unknown command <${el.name}> in ${path}`, {
        command: el.name,
        path,
      });
  }
}

function parseStatus(el: XmlElement, at: string): SyncMLCommand {
  const chalEl = child(el, 'Chal');
  const chal: Chal | undefined = chalEl
    ? { meta: parseMeta(requireChild(chalEl, 'Meta', `${at}/Chal`), `${at}/Chal/Meta`) }
    : undefined;
  return {
    kind: 'Status',
    cmdId: cmdIdOf(el, at),
    msgRef: requireText(el, 'MsgRef', at),
    cmdRef: requireText(el, 'CmdRef', at),
    cmd: requireText(el, 'Cmd', at),
    targetRefs: childrenNamed(el, 'TargetRef').map((e) => e.text.trim()),
    sourceRefs: childrenNamed(el, 'SourceRef').map((e) => e.text.trim()),
    ...(chal ? { chal } : {}),
    code: parseIntStrict(requireText(el, 'Data', at), `${at}/Data`),
    items: parseItems(el, at),
  };
}

function parseSync(el: XmlElement, at: string): SyncCommand {
  const commands: SyncItemCommand[] = [];
  for (const c of el.children) {
    if (c.name === 'Add' || c.name === 'Replace' || c.name === 'Delete')
      commands.push(parseSyncItemCommand(c, `${at}/${c.name}`));
    else if (!SYNC_CONTAINER_FIELDS.has(c.name)) {
      throw new SyncMLError('UNKNOWN_COMMAND', `unsupported command <${c.name}> in Sync`, {
        command: c.name,
        path: at,
      });
    }
  }
  return {
    kind: 'Sync',
    ...base(el, at),
    ...optLocRef(el, 'Target', at),
    ...optLocRef(el, 'Source', at),
    ...metaOf(el, at),
    ...opt('numberOfChanges', intOf(el, 'NumberOfChanges', at)),
    commands,
  };
}

const SYNC_CONTAINER_FIELDS = new Set([
  'CmdID',
  'NoResp',
  'Cred',
  'Target',
  'Source',
  'Meta',
  'NumberOfChanges',
]);

function parseSyncItemCommand(el: XmlElement, at: string): SyncItemCommand {
  const common = { ...base(el, at), ...metaOf(el, at), items: parseItems(el, at) };
  if (common.items.length === 0)
    throw new SyncMLError('MISSING_ELEMENT', `missing <Item> in ${at}`, { element: 'Item', path: at });
  if (el.name === 'Delete') {
    return {
      kind: 'Delete',
      ...common,
      ...(child(el, 'Archive') ? { archive: true } : {}),
      ...(child(el, 'SftDel') ? { sftDel: true } : {}),
    };
  }
  return { kind: el.name as 'Add' | 'Replace', ...common };
}

function parseMap(el: XmlElement, at: string): MapCommand {
  return {
    kind: 'Map',
    cmdId: cmdIdOf(el, at),
    target: parseLocRef(requireChild(el, 'Target', at), `${at}/Target`),
    source: parseLocRef(requireChild(el, 'Source', at), `${at}/Source`),
    ...metaOf(el, at),
    mapItems: childrenNamed(el, 'MapItem').map((m) => ({
      target: requireText(requireChild(m, 'Target', `${at}/MapItem`), 'LocURI', `${at}/MapItem/Target`),
      source: requireText(requireChild(m, 'Source', `${at}/MapItem`), 'LocURI', `${at}/MapItem/Source`),
    })),
  };
}

function parseItems(el: XmlElement, at: string): Item[] {
  return childrenNamed(el, 'Item').map((itemEl) => parseItem(itemEl, `${at}/Item`));
}

function parseItem(el: XmlElement, at: string): Item {
  const dataEl = child(el, 'Data');
  const metaEl = child(el, 'Meta');
  return {
    ...optLocRef(el, 'Target', at),
    ...optLocRef(el, 'Source', at),
    ...(metaEl ? { meta: parseMeta(metaEl, `${at}/Meta`) } : {}),
    ...(dataEl ? { data: parseItemData(dataEl, at) } : {}),
    ...(child(el, 'MoreData') ? { moreData: true } : {}),
  };
}

function parseItemData(el: XmlElement, at: string): ItemData {
  const devInfEl = child(el, 'DevInf');
  if (devInfEl) return { kind: 'devinf', devInf: parseDevInfElement(devInfEl) };
  const anchorEl = child(el, 'Anchor');
  if (anchorEl) return { kind: 'anchor', anchor: parseAnchor(anchorEl, `${at}/Data/Anchor`) };
  return { kind: 'text', text: el.text, ...(el.binaryText !== undefined ? { binary: el.binaryText } : {}) };
}

function base(el: XmlElement, at: string): { cmdId: string; noResp?: boolean } {
  return { cmdId: cmdIdOf(el, at), ...(child(el, 'NoResp') ? { noResp: true } : {}) };
}

function cmdIdOf(el: XmlElement, at: string): string {
  const id = requireText(el, 'CmdID', at);
  parseIntStrict(id, `${at}/CmdID`);
  return id;
}

function metaOf(el: XmlElement, at: string): { meta?: Meta } {
  const metaEl = child(el, 'Meta');
  return metaEl ? { meta: parseMeta(metaEl, `${at}/Meta`) } : {};
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
