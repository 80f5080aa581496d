/**
 * A client's Replace of a contact, the way a libsynthesis server takes it: what the client declared in its
 * DevInf CTCap and left out is cleared, what it did not declare stays the CRM's ("field not available in the
 * remote"; ../shared/reference/syncml.md §0 rule 2). So a client that can't hold a PHOTO or a CRM's X- ids
 * does not wipe them by replacing the contact (docs/decisions/0170-crm-only-contact-data.md).
 *
 * Contacts only: a calendar item's properties live in nested components (alarms, time zones), where
 * "the same property" is not a line-level question. Without CTCap the client stores everything: whole replace.
 */
import { parseContentLine } from '../../../core/formats/text/content-line.js';
import { unfoldLines } from '../../../core/formats/text/unfold.js';
import type { DevInf } from '../../../core/syncml/index.js';
import { foldLine } from './properties.js';

/** Property names (upper case) the client's datastore declares in any of its CTCaps; undefined = no CTCap. */
export function declaredProperties(devInf: DevInf | undefined, clientUri: string): Set<string> | undefined {
  const bare = (uri: string) => uri.replace(/^\.\//, '').toLowerCase();
  const store = devInf?.dataStores.find((d) => bare(d.sourceRef) === bare(clientUri));
  const caps = store?.ctCaps ?? [];
  if (caps.length === 0) return undefined;
  return new Set(caps.flatMap((c) => c.properties.map((p) => p.name.toUpperCase())));
}

interface VCardLine {
  readonly name: string;
  readonly text: string;
}

function vcardLines(content: string): VCardLine[] {
  const out: VCardLine[] = [];
  for (const logical of unfoldLines(content, 'rfc').lines) {
    const parsed = parseContentLine(logical);
    if (parsed.ok) out.push({ name: parsed.value.name.toUpperCase(), text: logical.text });
  }
  return out;
}

/**
 * The incoming vCard (stored form) plus the stored record's properties the client neither declared nor sent.
 * Both are single vCards; the incoming one's lines are kept verbatim.
 */
export function keepUndeclaredProperties(
  stored: string,
  incoming: string,
  declared: ReadonlySet<string> | undefined,
): string {
  if (declared === undefined) return incoming;
  const sent = new Set(vcardLines(incoming).map((l) => l.name));
  const kept = vcardLines(stored).filter(
    (l) => l.name !== 'BEGIN' && l.name !== 'END' && !declared.has(l.name) && !sent.has(l.name),
  );
  if (kept.length === 0) return incoming;
  const end = /END:VCARD\s*$/i.exec(incoming);
  if (end === null) return incoming;
  const head = incoming.slice(0, end.index);
  const eol = head.endsWith('\n') ? '' : '\r\n';
  return `${head}${eol}${kept.map((l) => foldLine(l.text)).join('\r\n')}\r\n${incoming.slice(end.index)}`;
}
