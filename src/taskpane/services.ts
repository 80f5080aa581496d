/**
 * Composition of the pane: which mailbox (Outlook through Graph, or the sandbox), which settings
 * store (roaming settings, or localStorage), which token provider. Sign-in code and the sandbox
 * are imported lazily so they are not in the first screen's bundle when not needed.
 */
import type { GraphClientOptions } from '../adapters/graph/client.js';
import { GraphClient } from '../adapters/graph/client.js';
import { sandboxTokenProvider, type TokenProvider } from '../adapters/auth/token-provider.js';
import type { HostInfo } from '../adapters/office/office-host.js';
import { roamingSettingsPort } from '../adapters/office/roaming-settings.js';
import { webStorageSettings, type SettingsPort } from '../adapters/storage/settings-port.js';
import { createFolderService, type FolderService } from '../app/folders/index.js';
import { ADDIN_CONFIG } from './config.js';

export interface PaneServices {
  readonly graph: GraphClientOptions;
  readonly settings: SettingsPort;
  readonly folders: FolderService;
}

/** Creates the MSAL/NAA provider on first use, so MSAL loads only when a token is needed. */
function lazyNaaProvider(host: HostInfo): TokenProvider {
  let provider: Promise<TokenProvider> | undefined;
  return {
    async getToken(scopes) {
      provider ??= import(/* webpackChunkName: "signin" */ '../adapters/auth/naa.js').then((m) =>
        m.createNaaTokenProvider({ clientId: ADDIN_CONFIG.clientId, naa: host.naa, origin: location.origin }),
      );
      return (await provider).getToken(scopes);
    },
  };
}

export async function createPaneServices(host: HostInfo): Promise<PaneServices> {
  if (!host.inOffice) {
    const { startSandboxMailbox } = await import(
      /* webpackChunkName: "sandbox" */ '../sandbox/graph/browser.js'
    );
    await startSandboxMailbox();
  }
  const graph: GraphClientOptions = {
    tokenProvider: host.inOffice ? lazyNaaProvider(host) : sandboxTokenProvider,
  };
  const settings = host.inOffice
    ? roamingSettingsPort(Office.context.roamingSettings)
    : webStorageSettings(localStorage);
  return { graph, settings, folders: createFolderService(new GraphClient(graph), settings) };
}
