/**
 * The SQLite database under the sandbox CRM's store: opening (schema), transactions, meta values.
 * DeviceStateStore (device-state.ts) and CrmStore (crm-store.ts) build on it.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_SQL, SCHEMA_VERSION } from './schema.js';

export interface CrmStoreOptions {
  /** Folder for `crm.sqlite`; created when missing. Omit for an in-memory store (tests). */
  readonly dataDir?: string;
  /** Clock, injectable for tests. */
  readonly now?: () => Date;
}

export class CrmDatabase {
  private readonly statements = new Map<string, Database.Statement>();

  protected readonly db: Database.Database;
  protected readonly now: () => Date;

  constructor(options: CrmStoreOptions = {}) {
    this.now = options.now ?? (() => new Date());
    if (options.dataDir !== undefined) mkdirSync(options.dataDir, { recursive: true });
    const file = options.dataDir === undefined ? ':memory:' : join(options.dataDir, 'crm.sqlite');
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA_SQL);
    this.sql('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('schema', String(SCHEMA_VERSION));
  }

  /** A prepared statement, prepared once per SQL text (preparing is the costly part). */
  protected sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (statement === undefined) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Runs `fn` in one SQLite transaction: a throw rolls back everything it wrote. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  protected timestamp(): string {
    return this.now().toISOString();
  }

  getMeta(key: string): string | undefined {
    const row = this.sql('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.sql(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ).run(key, value);
  }
}
