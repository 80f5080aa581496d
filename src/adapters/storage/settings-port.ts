/**
 * The slice of a settings store the sync checkpoints need. The pane passes its settings port (Office roaming
 * settings in Outlook, localStorage in a plain browser); `set` resolves once the value is saved.
 */
export interface SettingsPort {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** Roaming settings hold 32 KB for the whole add-in; the checkpoints may take this much of it. */
export const CHECKPOINT_BUDGET_BYTES = 16 * 1024;

/** Settings over a Web Storage (localStorage in a plain browser, the sandbox). Values are JSON. */
export function webStorageSettings(storage: Storage, prefix = 'outlook-crm-sync.'): SettingsPort {
  return {
    async get(key) {
      const raw = storage.getItem(prefix + key);
      return raw === null ? undefined : (JSON.parse(raw) as unknown);
    },
    async set(key, value) {
      storage.setItem(prefix + key, JSON.stringify(value));
    },
  };
}

/** In-memory settings (tests, and a pane whose host offers no storage at all). Copies in and out. */
export function memorySettings(): SettingsPort & { readonly values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    async get(key) {
      const raw = values.get(key);
      return raw === undefined ? undefined : (JSON.parse(raw) as unknown);
    },
    async set(key, value) {
      values.set(key, JSON.stringify(value));
    },
  };
}
