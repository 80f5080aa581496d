/**
 * Last fallback when the sign-in popup is blocked: the Office dialog API opens our own page
 * (auth-dialog.html, same origin), which signs in with a redirect and sends the token back with
 * `messageParent`. The token never leaves our origin.
 */
import { SignInError } from './token-provider.js';

export function tokenViaOfficeDialog(url: string, scopes: readonly string[]): Promise<string> {
  const target = `${url}?scopes=${encodeURIComponent(scopes.join(' '))}`;
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(target, { height: 60, width: 30 }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) {
        reject(new SignInError('POPUP_BLOCKED', 'the sign-in dialog could not open'));
        return;
      }
      const dialog = opened.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        const message = 'message' in arg ? arg.message : '';
        try {
          const parsed = JSON.parse(message) as { token?: string; error?: string };
          if (parsed.token) resolve(parsed.token);
          else reject(new SignInError('SIGN_IN_FAILED', parsed.error ?? 'no token from the sign-in dialog'));
        } catch (cause) {
          reject(new SignInError('SIGN_IN_FAILED', 'unreadable answer from the sign-in dialog', { cause }));
        }
      });
    });
  });
}
