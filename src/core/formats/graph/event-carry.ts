/**
 * What a Graph event cannot hold natively but the sync must keep: the CRM's UID (Graph's iCalUId is
 * read-only), attendees and organizer as data (writing `attendees` sends invitations), and extra
 * properties. They travel as JSON in one named single-value extended property on the event; the
 * sync engine asks for it with `$expand=singleValueExtendedProperties($filter=id eq '…')`.
 */
import type { Attendee, FormatIssue } from '../../model/index.js';
import { issue } from '../ical/cal-tree.js';
import type { GraphExtendedProperty } from './event-types.js';

export const EVENT_CARRY_PROPERTY_ID = 'String {0d8d3a37-6a2f-4a0e-9c7b-2f5e8e1c4b61} Name CrmSyncCarry';

export interface EventCarry {
  readonly uid?: string;
  readonly attendees?: readonly Attendee[];
  readonly organizer?: { readonly email: string; readonly name?: string };
  readonly extra?: Readonly<Record<string, string>>;
}

export function readCarry(
  props: readonly GraphExtendedProperty[] | null | undefined,
  warnings: FormatIssue[],
): EventCarry {
  const raw = props?.find((p) => p.id.toLowerCase() === EVENT_CARRY_PROPERTY_ID.toLowerCase())?.value;
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as EventCarry)
      : {};
  } catch {
    warnings.push(
      issue('MALFORMED_LINE', 'sync carry property is not JSON; ignored', {
        name: 'singleValueExtendedProperties',
      }),
    );
    return {};
  }
}

export function carryIsEmpty(c: EventCarry): boolean {
  return !c.uid && !c.attendees?.length && !c.organizer && !Object.keys(c.extra ?? {}).length;
}
