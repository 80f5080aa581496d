import { describe, expect, it } from 'vitest';
import {
  datastoreNameProblem,
  defaultChoice,
  enabledPairs,
  parseFolderChoices,
  withChoice,
} from '../../../src/core/settings/folder-choices.js';

describe('folder choices', () => {
  it('defaults pair contacts with addressbook, calendars with calendar, tasks with todo, two-way, off', () => {
    expect(defaultChoice('c1', 'contact')).toMatchObject({
      datastore: 'addressbook',
      direction: 'two-way',
      enabled: false,
    });
    expect(defaultChoice('e1', 'event').datastore).toBe('calendar');
    expect(defaultChoice('t1', 'task').datastore).toBe('todo');
  });

  it('drops damaged entries from storage instead of trusting them', () => {
    const parsed = parseFolderChoices({
      good: { kind: 'contact', enabled: true, datastore: ' kunden ', direction: 'crm-to-outlook' },
      noKind: { enabled: true },
      badDirection: { kind: 'task', enabled: false, direction: 'sideways' },
      junk: 42,
    });
    expect(Object.keys(parsed).sort()).toEqual(['badDirection', 'good']);
    expect(parsed['good']).toMatchObject({ datastore: 'kunden', direction: 'crm-to-outlook' });
    expect(parsed['badDirection']?.direction).toBe('two-way');
    expect(parseFolderChoices('nonsense')).toEqual({});
  });

  it('refuses datastore names a SyncML LocURI cannot carry', () => {
    expect(datastoreNameProblem('  ')).toBe('EMPTY');
    expect(datastoreNameProblem('address book')).toBe('INVALID');
    expect(datastoreNameProblem('addressbook')).toBeUndefined();
  });

  it('lists enabled pairs in sync order: contacts, calendars, tasks', () => {
    let c = withChoice({}, { ...defaultChoice('t', 'task'), enabled: true });
    c = withChoice(c, { ...defaultChoice('c', 'contact'), enabled: true });
    c = withChoice(c, defaultChoice('e', 'event'));
    expect(enabledPairs(c, 'crm-wins').map((p) => p.folderId)).toEqual(['c', 't']);
  });
});
