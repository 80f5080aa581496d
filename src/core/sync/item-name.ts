import type { SyncItem } from '../model/index.js';

/** A short human name for an item, for the journal, the preview and guard prompts. */
export function itemDisplayName(item: SyncItem): string {
  switch (item.kind) {
    case 'contact': {
      const person = [item.name.given, item.name.family].filter(Boolean).join(' ');
      return item.displayName || person || item.company || item.emails[0]?.address || '';
    }
    case 'event':
      return item.subject;
    case 'task':
      return item.title;
  }
}
