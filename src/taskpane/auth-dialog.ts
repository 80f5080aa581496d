/**
 * The Office dialog fallback page (popups blocked): signs in with a redirect, then sends the token
 * to the pane with `messageParent`. Same origin as the pane.
 */
import { createStandardPublicClientApplication } from '@azure/msal-browser';
import { ADDIN_CONFIG } from './config.js';

async function run() {
  await Office.onReady();
  const scopes = (new URLSearchParams(location.search).get('scopes') ?? 'User.Read').split(' ');
  const pca = await createStandardPublicClientApplication({
    auth: {
      clientId: ADDIN_CONFIG.clientId,
      authority: 'https://login.microsoftonline.com/common',
      redirectUri: `${location.origin}/auth-dialog.html`,
    },
  });
  const result = await pca.handleRedirectPromise();
  if (result) {
    Office.context.ui.messageParent(JSON.stringify({ token: result.accessToken }));
    return;
  }
  await pca.loginRedirect({ scopes });
}

run().catch((e: unknown) =>
  Office.context.ui.messageParent(JSON.stringify({ error: String((e as Error)?.name ?? 'error') })),
);
