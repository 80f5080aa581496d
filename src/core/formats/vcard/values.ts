import { isDateOnly, type DateOnly } from '../../model/index.js';

/** A real calendar date (rejects 2023-02-30), as DateOnly. */
function validDate(y: string, m: string, d: string): DateOnly | undefined {
  const iso = `${y}-${m}-${d}`;
  if (!isDateOnly(iso)) return undefined;
  const t = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return t.getUTCDate() === Number(d) ? (iso as DateOnly) : undefined;
}

const DATE_FORMS = /^(\d{4})-?(\d{2})-?(\d{2})(?:T[\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** BDAY: `19750517`, `1975-05-17`, or either with a time part (dropped). Year-less forms are not dates here. */
export function parseBirthday(raw: string): DateOnly | undefined {
  const m = DATE_FORMS.exec(raw.trim());
  return m ? validDate(m[1]!, m[2]!, m[3]!) : undefined;
}

export function formatBirthday(date: DateOnly, form: 'basic' | 'extended'): string {
  return form === 'basic' ? date.replace(/-/g, '') : date;
}

const INSTANT_FORMS = /^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2}):?(\d{2})(?:[.,]\d+)?Z)?$/;

/** REV / lastModifiedDateTime → UTC instant `YYYY-MM-DDTHH:mm:ssZ` (fractions dropped); undefined if not UTC. */
export function parseUtcInstant(raw: string): string | undefined {
  const m = INSTANT_FORMS.exec(raw.trim());
  if (!m) return undefined;
  const date = validDate(m[1]!, m[2]!, m[3]!);
  if (!date) return undefined;
  const [h, mi, s] = [m[4] ?? '00', m[5] ?? '00', m[6] ?? '00'];
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return undefined;
  return `${date}T${h}:${mi}:${s}Z`;
}

export function formatUtcInstant(iso: string, form: 'basic' | 'extended'): string {
  return form === 'basic' ? iso.replace(/[-:]/g, '') : iso;
}
