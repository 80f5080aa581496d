export {
  parseCalendarItem,
  serializeEvent,
  serializeTask,
  detectCalendarVersion,
  type SerializedItem,
} from './calendar-item.js';
export type { CalendarVersion } from './cal-tree.js';
