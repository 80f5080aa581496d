/**
 * The stores' codecs over the Graph mappings of src/core/formats: a failed parse becomes a thrown
 * FormatError (the store reports the item as unreadable, with its code), and each codec declares
 * the extended properties / open extensions the mapping itself keeps on items, so the stores read
 * them back and clear them on update.
 */
import {
  EVENT_CARRY_PROPERTY_ID,
  TASK_CARRY_EXTENSION,
  contactFromGraph,
  contactToGraph,
  eventFromGraph,
  eventToGraph,
  taskFromGraph,
  taskToGraph,
  type GraphContact,
  type GraphEvent,
  type GraphTodoTask,
} from '../../core/formats/index.js';
import {
  FormatError,
  type CalendarEvent,
  type Contact,
  type ItemKind,
  type ParseResult,
  type SyncItem,
  type Task,
} from '../../core/model/index.js';
import type { GraphCodec } from './store-support.js';

export interface GraphCodecOptions {
  /** The mailbox user's IANA zone: floating times, all-day events and To Do days are meant in it. */
  readonly timeZone?: string;
  /** The mailbox owner (`GET /me`): Graph makes them the organizer of every event we create. */
  readonly mailboxOwner?: { readonly email: string; readonly name?: string };
}

export interface GraphCodecs {
  readonly contact: GraphCodec<Contact>;
  readonly event: GraphCodec<CalendarEvent>;
  readonly task: GraphCodec<Task>;
}

function valueOf<T>(result: ParseResult<T>): T {
  if (result.ok) return result.value;
  throw new FormatError(result.error.code, result.error.message, result.error.line, result.error.property);
}

export function graphCodecs(options: GraphCodecOptions = {}): GraphCodecs {
  const zone = options.timeZone ? { timeZone: options.timeZone } : {};
  return {
    contact: {
      fromGraph: (json) => valueOf(contactFromGraph(json as GraphContact)),
      toGraph: (item) => ({ body: { ...contactToGraph(item).value } }),
    },
    event: {
      // The mapping wants a series' exceptions and cancelled occurrences, not its plain occurrences.
      fromGraph: (json, related = []) =>
        valueOf(
          eventFromGraph(
            json as GraphEvent,
            related.filter((x) => x.type === 'exception' || x.isCancelled === true) as GraphEvent[],
          ),
        ),
      toGraph: (item) => {
        const { value, occurrences } = eventToGraph(item, zone);
        return { body: { ...value }, occurrences };
      },
      extendedPropertyIds: [EVENT_CARRY_PROPERTY_ID],
    },
    task: {
      fromGraph: (json) => valueOf(taskFromGraph(json as GraphTodoTask, zone)),
      toGraph: (item) => ({ body: { ...taskToGraph(item, zone).value } }),
      extensionNames: [TASK_CARRY_EXTENSION],
    },
  };
}

/**
 * Per kind, what Outlook keeps of an item once we write it: the item through the mapping and back,
 * with what Graph adds on its own (the organizer of an event). The sync engine fingerprints items
 * in this shape (its `outlookShape` port), so our own write reads back as an echo, not a user edit.
 */
export function outlookShapes(
  options: GraphCodecOptions = {},
): Record<ItemKind, (item: SyncItem) => SyncItem> {
  const codecs = graphCodecs(options);
  const owner = options.mailboxOwner;
  const organizer = owner
    ? { organizer: { emailAddress: { address: owner.email, ...(owner.name ? { name: owner.name } : {}) } } }
    : {};
  return {
    contact: (item) => {
      if (item.kind !== 'contact') return item;
      const shaped = codecs.contact.fromGraph(codecs.contact.toGraph(item).body);
      // The photo goes by its own PUT, and the store reads it back for contacts marked so (decision 0171).
      return item.photo ? { ...shaped, photo: item.photo } : shaped;
    },
    event: (item) => {
      if (item.kind !== 'event') return item;
      const { attendees: _attendees, ...body } = codecs.event.toGraph(item).body;
      const shaped = codecs.event.fromGraph({ ...body, ...organizer });
      // Exceptions are written to the series' instances one by one and come back as given, except
      // cancelled ones: Graph's /instances leaves deleted occurrences out (docs/decisions/0052).
      return { ...shaped, exceptions: item.exceptions.filter((x) => !x.cancelled) };
    },
    task: (item) => (item.kind === 'task' ? codecs.task.fromGraph(codecs.task.toGraph(item).body) : item),
  };
}
