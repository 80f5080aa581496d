/**
 * The duplicate check as the shell mounts it when sync is switched on for a folder (FoldersScreen's
 * `onEnable`): composes the pane's dedupe ports, closes at once for a folder that has synced before, and
 * otherwise shows the check; "Start first sync" stores the decisions and runs that folder's first sync through
 * the pane's sync service with the decisions applied. Loaded lazily (index.ts).
 */
import { Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { GraphClientOptions } from '../../adapters/graph/client.js';
import type { SettingsPort } from '../../adapters/storage/settings-port.js';
import {
  countryForTimeZone,
  createPaneDedupe,
  createSyncFolderWizard,
  DedupeError,
  type PaneDedupe,
} from '../../app/dedupe/index.js';
import type { ConnectionHolder } from '../../app/pane/connection-holder.js';
import { paneConnectionHolder } from '../../app/pane/pane-connection.js';
import type { AdminConfig } from '../../app/pane/connection-settings.js';
import { createPaneSync } from '../../app/pane/create-pane-sync.js';
import type { CountryCode } from '../../core/dedupe/index.js';
import { outlookFolderId, type ItemKind } from '../../core/model/index.js';
import { DuplicateCheckScreen } from './DuplicateCheckScreen.js';
import type { DedupeLanguage } from './texts.js';

export interface PaneDuplicateCheckProps {
  readonly lang: DedupeLanguage;
  readonly graph: GraphClientOptions;
  readonly settings: SettingsPort;
  readonly admin?: AdminConfig;
  readonly timeZone?: string;
  /** Phone numbers without a prefix are read as this country's; defaults to the time zone's (0121). */
  readonly country?: CountryCode;
  readonly folder: {
    readonly id: string;
    readonly name: string;
    readonly kind: ItemKind;
    readonly datastore: string;
  };
  /** Names of the folders of this kind (the wizard refuses a taken one). */
  readonly existingNames?: readonly string[];
  /** Switch sync on for a folder the wizard created. */
  readonly enableSync?: (folderId: string, kind: ItemKind, datastore: string) => Promise<void>;
  readonly done: () => void;
}

interface Ready {
  readonly dedupe: PaneDedupe;
  readonly holder: ConnectionHolder;
}

export default function PaneDuplicateCheck(props: PaneDuplicateCheckProps) {
  const { lang, graph, settings, admin, timeZone, folder, done } = props;
  const [ready, setReady] = useState<Ready | undefined>();

  useEffect(() => {
    let live = true;
    (async () => {
      // The same holder as the sync screens': a password typed in Settings for this session works here too.
      const holder = await paneConnectionHolder(settings, admin);
      const dedupe = await createPaneDedupe({
        graph,
        settings,
        connection: holder.current,
        ...(timeZone ? { timeZone } : {}),
      });
      // Linking is for the first sync only: a folder that synced before needs no check on switching on.
      const state = await dedupe.ports.stateStore.load(outlookFolderId(folder.id));
      if (!live) return;
      if (state?.checkpoint.lastAnchor) done();
      else setReady({ dedupe, holder });
    })().catch(() => live && done());
    return () => void (live = false);
    // Built once per folder switched on; its inputs are stable for the pane's lifetime.
  }, [folder.id]);

  if (!ready) return <Spinner size="small" />;
  const firstSync = async () => {
    const service = await createPaneSync({
      graph,
      settings,
      connection: ready.holder.current,
      folders: async () => [
        {
          folderId: outlookFolderId(folder.id),
          kind: folder.kind,
          datastore: folder.datastore,
          direction: 'two-way',
          policy: 'crm-wins',
        },
      ],
      decoratePorts: ready.dedupe.decorateSyncPorts,
      ...(timeZone ? { timeZone } : {}),
    });
    const result = await service.run(
      new AbortController().signal,
      () => undefined,
      async () => 'stop',
    );
    if (result.outcome !== 'completed')
      throw new DedupeError('FIRST_SYNC_FAILED', 'the first sync did not complete', {
        outcome: result.outcome,
      });
    done();
  };
  return (
    <>
      <DuplicateCheckScreen
        ports={ready.dedupe.ports}
        request={{
          folder: outlookFolderId(folder.id),
          kind: folder.kind,
          datastore: folder.datastore,
          country: props.country ?? countryForTimeZone(timeZone),
        }}
        language={lang}
        onStartFirstSync={firstSync}
        onClose={done}
        onSaveForLater={done}
        {...(props.enableSync
          ? {
              folderWizard: {
                wizard: createSyncFolderWizard(
                  ready.dedupe.wizardPorts((created, kind, datastore) =>
                    props.enableSync!(created.id, kind, datastore),
                  ),
                ),
                existingNames: props.existingNames ?? [],
                defaultName: '',
                onDone: () => done(),
              },
            }
          : {})}
      />
    </>
  );
}
