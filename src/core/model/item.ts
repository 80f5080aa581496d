import type { Contact } from './contact.js';
import type { CalendarEvent } from './event.js';
import type { Task } from './task.js';

export type SyncItem = Contact | CalendarEvent | Task;
export type ItemKind = SyncItem['kind'];
