/** A few lines that identify an item in the narrow pane (conflicts show both versions this way). */
import type { DateTimeValue, SyncItem } from '../../core/model/index.js';

function when(v: DateTimeValue): string {
  return v.kind === 'utc'
    ? v.iso.replace('T', ' ').replace(/:\d\dZ$/, ' UTC')
    : v.local.replace('T', ' ').slice(0, 16);
}

export function itemSummary(item: SyncItem): string[] {
  const lines: (string | undefined)[] = [];
  if (item.kind === 'contact') {
    const name = [item.name.prefix, item.name.given, item.name.middle, item.name.family]
      .filter(Boolean)
      .join(' ');
    lines.push(item.displayName ?? name, item.company, ...item.emails.map((e) => e.address));
    lines.push(...item.phones.map((p) => p.number));
    lines.push(...item.addresses.map((a) => [a.street, a.postalCode, a.city].filter(Boolean).join(', ')));
  } else if (item.kind === 'event') {
    const t = item.timing;
    lines.push(
      item.subject,
      t.allDay ? `${t.startDate} – ${t.endDate}` : `${when(t.start)} – ${when(t.end)}`,
    );
    lines.push(item.location, item.recurrence ? '↻' : undefined);
  } else {
    lines.push(item.title, item.due, item.status);
  }
  return lines.filter((l): l is string => !!l && l.trim() !== '');
}
