/**
 * One contract for every settings port (CONVENTIONS.md rule 2): Office roaming settings (through a
 * fake that keeps values in memory and persists them only on saveAsync, like Outlook), the
 * localStorage store the sandbox pane uses, and the in-memory store. The pane may use any of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roamingSettingsPort } from '../../../src/adapters/office/roaming-settings.js';
import {
  memorySettings,
  webStorageSettings,
  type SettingsPort,
} from '../../../src/adapters/storage/settings-port.js';

// The port reads Office.AsyncResultStatus, the one global office.js provides it with.
const globals = globalThis as { Office?: unknown };
beforeAll(() => {
  globals.Office = { AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' } };
});
afterAll(() => {
  delete globals.Office;
});

/** What Outlook's RoamingSettings does: get/set on a memory copy, saveAsync writes the mailbox. */
function fakeRoamingSettings(): Office.RoamingSettings {
  const memory = new Map<string, unknown>();
  const fake = {
    get: (key: string) => (memory.has(key) ? memory.get(key) : null),
    set: (key: string, value: unknown) => void memory.set(key, value),
    remove: (key: string) => void memory.delete(key),
    saveAsync: (callback: (result: { status: string }) => void) =>
      queueMicrotask(() => callback({ status: 'succeeded' })),
  };
  return fake as unknown as Office.RoamingSettings;
}

/** A Web Storage (the localStorage API) over a Map. */
function fakeStorage(): Storage {
  const values = new Map<string, string>();
  return {
    get length() {
      return values.size;
    },
    clear: () => values.clear(),
    getItem: (key) => values.get(key) ?? null,
    key: (index) => [...values.keys()][index] ?? null,
    removeItem: (key) => void values.delete(key),
    setItem: (key, value) => void values.set(key, String(value)),
  };
}

function describeSettingsPortContract(name: string, setup: () => SettingsPort): void {
  describe(`settings port contract: ${name}`, () => {
    it('answers undefined for a key never set', async () => {
      expect(await setup().get('never-set')).toBeUndefined();
    });

    it('gives back what was set, nested values and umlauts included', async () => {
      const port = setup();
      const value = {
        folders: { 'AAMk=': { enabled: true, datastore: 'addressbook' } },
        name: 'Kündenkontakte',
      };
      await port.set('choices', value);
      expect(await port.get('choices')).toEqual(value);
    });

    it('keeps the last of two writes to one key and leaves other keys alone', async () => {
      const port = setup();
      await port.set('a', 1);
      await port.set('b', 'zwei');
      await port.set('a', [3]);
      expect(await port.get('a')).toEqual([3]);
      expect(await port.get('b')).toBe('zwei');
    });

    it('resolves set only after the value can be read back', async () => {
      const port = setup();
      const saved = port.set('k', { on: true });
      await saved;
      expect(await port.get('k')).toEqual({ on: true });
    });
  });
}

describeSettingsPortContract('Office roaming settings (fake)', () =>
  roamingSettingsPort(fakeRoamingSettings()),
);
describeSettingsPortContract('localStorage (sandbox)', () => webStorageSettings(fakeStorage()));
describeSettingsPortContract('memory', () => memorySettings());
