/**
 * The thin Office.js boundary (CONVENTIONS.md rule 10): is the pane inside Outlook, which language
 * and theme does Outlook show. office.js is loaded by a <script> tag (CDN in production, the
 * @microsoft/office-js package in development), never bundled; in a plain browser it may be absent.
 */
export type UiLang = 'de' | 'en';
export type UiTheme = 'light' | 'dark';

export interface HostInfo {
  /** True inside Outlook (any host); false in a plain browser: the pane then runs on the sandbox. */
  readonly inOffice: boolean;
  readonly lang: UiLang;
  readonly theme: UiTheme;
  /** Outlook's mailbox supports nested app authentication (NAA). */
  readonly naa: boolean;
}

const READY_TIMEOUT_MS = 4000;

/** German for any German locale (de-DE, de-AT, de-CH), English otherwise. */
export function langOf(locale: string | undefined): UiLang {
  return locale?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** Dark when the body background Outlook reports is dark (relative luminance below one half). */
export function themeOfBackground(hex: string | undefined): UiTheme {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return 'light';
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h!, 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? 'dark' : 'light';
}

function officeReady(): Promise<{ host: unknown } | undefined> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office?.onReady) return Promise.resolve(undefined);
  return Promise.race([
    office.onReady().then((info) => ({ host: info.host })),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), READY_TIMEOUT_MS)),
  ]);
}

/** Reads host facts once at start-up; `?lang=de|en` and `?theme=dark|light` override (tests, demos). */
export async function detectHost(
  location: { search: string },
  navigatorLang: string | undefined,
): Promise<HostInfo> {
  const query = new URLSearchParams(location.search);
  const ready = await officeReady();
  const inOffice = Boolean(ready?.host);
  const ctx = inOffice ? Office.context : undefined;
  const lang = (query.get('lang') as UiLang | null) ?? langOf(ctx?.displayLanguage ?? navigatorLang);
  const theme =
    (query.get('theme') as UiTheme | null) ?? themeOfBackground(ctx?.officeTheme?.bodyBackgroundColor);
  const naa = Boolean(ctx?.requirements?.isSetSupported('NestedAppAuth', '1.1'));
  return { inOffice, lang: lang === 'de' ? 'de' : 'en', theme: theme === 'dark' ? 'dark' : 'light', naa };
}
