/**
 * Build-time configuration (webpack DefinePlugin from environment variables, see README
 * "Configuration"): nothing tenant-specific is hard-coded.
 */
declare const __ADDIN_CONFIG__: { clientId: string; crmEndpoint: string; lockEndpoint: boolean } | undefined;

export interface AddinConfig {
  /** Azure app registration (ADDIN_CLIENT_ID) used for Graph sign-in. */
  readonly clientId: string;
  /** CRM SyncML endpoint preset by the admin (CRM_SYNCML_URL); empty: the user enters it. */
  readonly crmEndpoint: string;
  readonly lockEndpoint: boolean;
}

export const ADDIN_CONFIG: AddinConfig =
  typeof __ADDIN_CONFIG__ === 'undefined'
    ? { clientId: '', crmEndpoint: '', lockEndpoint: false }
    : __ADDIN_CONFIG__;
