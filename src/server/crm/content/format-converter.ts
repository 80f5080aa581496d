/**
 * The CRM's format converter over the core's format layer: vCard 3.0 ⇄ 2.1 and
 * iCalendar 2.0 ⇄ vCalendar 1.0, through the neutral model. An item the parser can't read is
 * not converted (undefined): it then travels as it is, never half-converted.
 */
import {
  parseCalendarItem,
  parseVCard,
  serializeEvent,
  serializeTask,
  serializeVCard,
} from '../../../core/formats/index.js';
import type { CalendarEvent, Task } from '../../../core/model/index.js';
import type { FormatConverter } from './convert.js';

export const formatsConverter: FormatConverter = (datastore, content, _from, to) => {
  if (datastore === 'addressbook') {
    if (to.version !== '2.1' && to.version !== '3.0') return undefined;
    const parsed = parseVCard(content);
    return parsed.ok ? serializeVCard(parsed.value, to.version).text : undefined;
  }
  if (to.version !== '1.0' && to.version !== '2.0') return undefined;
  const parsed = parseCalendarItem(content, datastore === 'calendar' ? 'event' : 'task');
  if (!parsed.ok) return undefined;
  return parsed.value.kind === 'event'
    ? serializeEvent(parsed.value as CalendarEvent, to.version).text
    : serializeTask(parsed.value as Task, to.version).text;
};
