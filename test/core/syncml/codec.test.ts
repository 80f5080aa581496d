import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseMessage,
  serializeMessage,
  SyncMLError,
  type SyncMLMessage,
} from '../../../src/core/syncml/index.js';

const TRACES = join(process.cwd(), '..', 'shared', 'syncml-peer', 'traces');

function setup() {
  const traceFiles = readdirSync(TRACES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(TRACES, d.name))
        .filter(
          (f) => f.endsWith('.xml') && !f.includes('pretty') && !f.startsWith('5-unknown-device-id-response'),
        )
        .map((f) => join(TRACES, d.name, f)),
    );
  const minimal = (body: string, extraHeader = '') =>
    `<?xml version="1.0"?><SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>SyncML/1.2</VerProto>` +
    `<SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>c</LocURI></Target><Source><LocURI>s</LocURI></Source>${extraHeader}</SyncHdr>` +
    `<SyncBody>${body}<Final/></SyncBody></SyncML>`;
  const codeOf = (fn: () => unknown): string => {
    try {
      fn();
    } catch (e) {
      if (e instanceof SyncMLError) return e.code;
      throw e;
    }
    return 'NO_ERROR';
  };
  return { traceFiles, minimal, codeOf };
}

describe('SyncML codec', () => {
  it('parses every message of the real SyncEvolution traces and round-trips them', () => {
    const { traceFiles } = setup();
    expect(traceFiles.length).toBeGreaterThan(40);
    for (const file of traceFiles) {
      const msg = parseMessage(readFileSync(file, 'utf8'));
      expect(parseMessage(serializeMessage(msg))).toEqual(msg);
    }
  });

  it('reads the server init package: 212 with md5 challenge, RespURI, DevInf Results, Alert anchors', () => {
    const xml = readFileSync(join(TRACES, 'a-contacts-slow-sync', '001-response.xml'), 'utf8');
    const msg = parseMessage(xml);
    expect(msg.header.respUri).toMatch(/sessionid=/);
    expect(msg.header.meta?.maxMsgSize).toBe(150000);
    const hdrStatus = msg.body[0];
    expect(hdrStatus?.kind === 'Status' && hdrStatus.cmd).toBe('SyncHdr');
    expect(hdrStatus?.kind === 'Status' && hdrStatus.code).toBe(212);
    expect(hdrStatus?.kind === 'Status' && hdrStatus.chal?.meta.nextNonce).toBe('Kl9KQE0iISE=');
    const results = msg.body.find((c) => c.kind === 'Results');
    const devInf =
      results?.kind === 'Results' && results.items[0]?.data?.kind === 'devinf'
        ? results.items[0].data.devInf
        : undefined;
    expect(devInf?.supportLargeObjs).toBe(true);
    expect(devInf?.dataStores.map((d) => d.sourceRef)).toEqual(['./addressbook', './calendar', './todo']);
    const alert = msg.body.find((c) => c.kind === 'Alert');
    expect(alert?.kind === 'Alert' && alert.code).toBe(201);
    expect(alert?.kind === 'Alert' && alert.items[0]?.meta?.anchor?.next).toBe('20261121T043812Z');
  });

  it('keeps CR LF inside CDATA item data and decodes &#13; and entities', () => {
    const { minimal } = setup();
    const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A & B <x>\r\nEND:VCARD\r\n';
    const msg: SyncMLMessage = {
      header: parseMessage(minimal('')).header,
      body: [
        {
          kind: 'Add',
          cmdId: '1',
          meta: { type: 'text/vcard' },
          items: [{ source: { locUri: 'c-1' }, data: { kind: 'text', text: card } }],
        },
      ],
      final: true,
    };
    const back = parseMessage(serializeMessage(msg));
    const add = back.body[0];
    expect(add?.kind === 'Add' && add.items[0]?.data).toEqual({ kind: 'text', text: card });
    const escaped = parseMessage(
      minimal('<Add><CmdID>1</CmdID><Item><Data>a&#13;\nb &amp; &lt;c&gt;</Data></Item></Add>'),
    );
    const a = escaped.body[0];
    expect(a?.kind === 'Add' && a.items[0]?.data).toEqual({ kind: 'text', text: 'a\r\nb & <c>' });
  });

  it('survives "]]>" inside item data', () => {
    const { minimal } = setup();
    const header = parseMessage(minimal('')).header;
    const text = 'NOTE:a]]>b\r\n';
    const xml = serializeMessage({
      header,
      body: [{ kind: 'Replace', cmdId: '2', items: [{ data: { kind: 'text', text } }] }],
      final: false,
    });
    const r = parseMessage(xml).body[0];
    expect(r?.kind === 'Replace' && r.items[0]?.data).toEqual({ kind: 'text', text });
  });

  it('gives typed errors for malformed, truncated, non-SyncML and unknown input', () => {
    const { minimal, codeOf } = setup();
    const good = minimal('<Alert><CmdID>1</CmdID><Data>222</Data></Alert>');
    expect(codeOf(() => parseMessage(good))).toBe('NO_ERROR');
    expect(codeOf(() => parseMessage(good.slice(0, good.length - 30)))).toBe('MALFORMED_XML');
    expect(codeOf(() => parseMessage('<html><body>Processing Failed</body></html>'))).toBe('NOT_SYNCML');
    expect(codeOf(() => parseMessage(''))).toBe('NOT_SYNCML');
    expect(codeOf(() => parseMessage(minimal('<Exec><CmdID>1</CmdID></Exec>')))).toBe('UNKNOWN_COMMAND');
    expect(
      codeOf(() => parseMessage(minimal('<Sync><CmdID>1</CmdID><Copy><CmdID>2</CmdID></Copy></Sync>'))),
    ).toBe('UNKNOWN_COMMAND');
    expect(codeOf(() => parseMessage(minimal('<Alert><CmdID>x</CmdID><Data>200</Data></Alert>')))).toBe(
      'BAD_VALUE',
    );
    expect(
      codeOf(() =>
        parseMessage(
          minimal('<Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>0</CmdRef><Cmd>SyncHdr</Cmd></Status>'),
        ),
      ),
    ).toBe('MISSING_ELEMENT');
    expect(codeOf(() => parseMessage(minimal('<Add><CmdID>1</CmdID></Add>')))).toBe('MISSING_ELEMENT');
    expect(codeOf(() => parseMessage(good.replace('<VerDTD>1.2', '<VerDTD>3.0')))).toBe(
      'UNSUPPORTED_VERSION',
    );
  });

  it('reads Final, MoreData, Size and NumberOfChanges', () => {
    const { minimal } = setup();
    const xml = minimal(
      '<Sync><CmdID>3</CmdID><Target><LocURI>./a</LocURI></Target><Source><LocURI>a</LocURI></Source><NumberOfChanges>7</NumberOfChanges>' +
        '<Add><CmdID>4</CmdID><Meta><Type xmlns="syncml:metinf">text/vcard</Type></Meta><Item><Source><LocURI>9</LocURI></Source>' +
        '<Meta><Size xmlns="syncml:metinf">1234</Size></Meta><Data><![CDATA[part]]></Data><MoreData/></Item></Add></Sync>',
    );
    const msg = parseMessage(xml);
    expect(msg.final).toBe(true);
    const sync = msg.body[0];
    expect(sync?.kind).toBe('Sync');
    if (sync?.kind !== 'Sync') return;
    expect(sync.numberOfChanges).toBe(7);
    const add = sync.commands[0];
    expect(add?.items[0]).toMatchObject({ moreData: true, meta: { size: 1234 }, source: { locUri: '9' } });
  });
});
