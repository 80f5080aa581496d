/** Where the Graph client gets its token: NAA/MSAL inside Outlook, a fixed token on the sandbox. */
export interface TokenProvider {
  getToken(scopes: readonly string[]): Promise<string>;
}

export const GRAPH_SCOPES = [
  'User.Read',
  'Contacts.ReadWrite',
  'Calendars.ReadWrite',
  'Tasks.ReadWrite',
] as const;

/** The sandbox mailbox accepts any bearer token; nothing leaves the page. */
export const sandboxTokenProvider: TokenProvider = {
  getToken: async () => 'sandbox-token',
};

export class SignInError extends Error {
  override readonly name = 'SignInError';
  constructor(
    readonly code: 'NO_CLIENT_ID' | 'POPUP_BLOCKED' | 'CONSENT_REQUIRED' | 'SIGN_IN_FAILED',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
