/**
 * The item codec over the formats (vCard 2.1/3.0, vCalendar 1.0, iCalendar 2.0), chosen by the content type
 * agreed with the server. This is what the pane and the CLI plug into the `codec` port.
 */
import {
  parseCalendarItem,
  parseVCard,
  serializeEvent,
  serializeTask,
  serializeVCard,
} from '../../core/formats/index.js';
import type { ItemKind, ParseResult, SyncItem } from '../../core/model/index.js';
import type { ItemContentType } from '../../core/syncml/devinf/ours.js';
import type { ItemCodec } from './ports.js';

const VCARD_VERSION = { 'text/x-vcard': '2.1', 'text/vcard': '3.0' } as const;
const CALENDAR_VERSION = { 'text/x-vcalendar': '1.0', 'text/calendar': '2.0' } as const;

function isVCard(ct: ItemContentType): ct is keyof typeof VCARD_VERSION {
  return ct in VCARD_VERSION;
}

function wrongKind(kind: ItemKind, contentType: ItemContentType): ParseResult<SyncItem> {
  return {
    ok: false,
    error: { code: 'MISSING_COMPONENT', message: `a ${kind} cannot travel as ${contentType}` },
    warnings: [],
  };
}

export const formatsItemCodec: ItemCodec = {
  encode(item, contentType) {
    if (item.kind === 'contact') {
      if (!isVCard(contentType)) throw new RangeError(`a contact cannot travel as ${contentType}`);
      return serializeVCard(item, VCARD_VERSION[contentType]).text;
    }
    if (isVCard(contentType)) throw new RangeError(`a ${item.kind} cannot travel as ${contentType}`);
    const version = CALENDAR_VERSION[contentType];
    return item.kind === 'event' ? serializeEvent(item, version).text : serializeTask(item, version).text;
  },
  decode(data, kind, contentType) {
    if (kind === 'contact') return isVCard(contentType) ? parseVCard(data) : wrongKind(kind, contentType);
    if (isVCard(contentType)) return wrongKind(kind, contentType);
    const parsed = parseCalendarItem(data, kind);
    if (parsed.ok && parsed.value.kind !== kind) return wrongKind(kind, contentType);
    return parsed;
  },
};
