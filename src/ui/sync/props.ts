/** What the shell hands the sync screens (type-only, so importing it costs the first screen nothing). */
import type { GraphClientOptions } from '../../adapters/graph/client.js';
import type { SettingsPort } from '../../adapters/storage/settings-port.js';
import type { AdminConfig } from '../../app/pane/connection-settings.js';
import type { FolderPairSettings, RunResult } from '../../core/sync/index.js';
import type { SyncPorts } from '../../app/sync/ports.js';
import type { UiLanguage } from './texts.js';

export interface SyncScreensProps {
  readonly lang: UiLanguage;
  /** Token provider (NAA/MSAL, or the sandbox's), Graph base URL, fetch. */
  readonly graph: GraphClientOptions;
  /** Roaming settings in Outlook, localStorage in a plain browser. */
  readonly settings: SettingsPort;
  /** The folder pairs switched on in the Folders screen, in sync order. */
  readonly folders: () => Promise<readonly FolderPairSettings[]>;
  readonly admin?: AdminConfig;
  /** "Kontakte", "Kalender" … for a folder id; defaults to the datastore name. */
  readonly folderLabel?: (folderId: string, datastore: string) => string;
  readonly timeZone?: string;
  /** Show only this screen (the shell's tabs choose); without it the panel shows its own tabs. */
  readonly initialScreen?: 'sync' | 'history' | 'connection';
  /** Wraps every run's ports, e.g. the duplicate check's stored links (createPaneDedupe().decorateSyncPorts). */
  readonly decoratePorts?: (ports: SyncPorts) => SyncPorts;
  /** The shell has its own Settings screen and mounts ConnectionSection there. */
  readonly hideConnection?: boolean;
  readonly onRunFinished?: (result: RunResult) => void;
}
