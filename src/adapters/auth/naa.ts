/**
 * Sign-in for Graph with nested app authentication, as Microsoft's guidance describes
 * (reference/graph-and-addin.md §B1): `createNestablePublicClientApplication` (which itself falls
 * back to a standard public client where the NAA bridge is missing), silent first, then a popup;
 * a blocked popup falls back to the Office dialog API. This module is imported lazily, so MSAL is
 * not in the first screen's bundle.
 */
import {
  BrowserAuthError,
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { SignInError, type TokenProvider } from './token-provider.js';
import { tokenViaOfficeDialog } from './office-dialog.js';

export interface NaaConfig {
  readonly clientId: string;
  /** Whether Outlook reported the NestedAppAuth 1.1 requirement set. */
  readonly naa: boolean;
  readonly origin: string;
}

export async function createNaaTokenProvider(config: NaaConfig): Promise<TokenProvider> {
  if (!config.clientId) throw new SignInError('NO_CLIENT_ID', 'ADDIN_CLIENT_ID is not configured');
  const pca: IPublicClientApplication = await createNestablePublicClientApplication({
    auth: {
      clientId: config.clientId,
      authority: 'https://login.microsoftonline.com/common',
      // Used only when NAA is unavailable (standard SPA popup through the redirect bridge page).
      redirectUri: `${config.origin}/auth-redirect.html`,
    },
    cache: { cacheLocation: 'localStorage' },
  });
  return {
    async getToken(scopes) {
      const request = { scopes: [...scopes], account: pca.getActiveAccount() ?? undefined };
      try {
        return (await pca.acquireTokenSilent(request)).accessToken;
      } catch (e) {
        if (!(e instanceof InteractionRequiredAuthError) && config.naa) {
          throw new SignInError('SIGN_IN_FAILED', 'silent sign-in failed', { cause: e });
        }
      }
      try {
        const result = await pca.acquireTokenPopup({ scopes: [...scopes] });
        if (!config.naa) pca.setActiveAccount(result.account);
        return result.accessToken;
      } catch (e) {
        if (e instanceof BrowserAuthError && e.errorCode === 'popup_window_error') {
          return tokenViaOfficeDialog(`${config.origin}/auth-dialog.html`, scopes);
        }
        throw new SignInError('SIGN_IN_FAILED', 'interactive sign-in failed', { cause: e });
      }
    },
  };
}
