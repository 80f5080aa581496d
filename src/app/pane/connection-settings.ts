/**
 * The CRM connection and run options the pane's Settings section edits (DESIGN.md §8.7), how they are checked,
 * and how they are kept (docs/decisions/0111). Kept in the add-in's settings (Office roaming settings: they
 * travel with the mailbox, so every device uses the same device id and checkpoints). The password is kept
 * there ONLY when the user switches "remember" on; roaming settings are stored in the mailbox, readable by the
 * add-in on any device of that user, and are not a secret store. Otherwise it lives in memory for the session.
 */
import type { ConflictPolicyName } from '../../core/sync/index.js';
import type { AuthScheme } from '../../core/syncml/index.js';
import type { SettingsPort } from '../../adapters/storage/index.js';
import { PaneError } from './errors.js';

export const CONNECTION_KEY = 'crmConnection';

export interface CalendarWindow {
  readonly pastDays: number;
  readonly futureDays: number;
}

export interface ConnectionSettings {
  /** The CRM's SyncML URL (it names the server in every message; the bytes go through the same-origin proxy). */
  readonly endpoint: string;
  readonly user: string;
  /** '' when not known; never logged, never in a URL or an error. */
  readonly password: string;
  readonly rememberPassword: boolean;
  readonly deviceId: string;
  readonly auth: AuthScheme;
  readonly policy: ConflictPolicyName;
  /** Share of a folder (0..1) whose deletion makes a run stop and ask. */
  readonly guardShare: number;
  readonly calendarWindow: CalendarWindow;
}

/** The admin's configuration (shipped with the add-in): a preset endpoint, optionally locked. */
export interface AdminConfig {
  readonly endpoint?: string;
  readonly lockEndpoint?: boolean;
}

export const DEFAULT_CALENDAR_WINDOW: CalendarWindow = { pastDays: 365, futureDays: 730 };

export function newDeviceId(random: () => string = () => crypto.randomUUID()): string {
  return `outlook-addin-${random()}`;
}

export function defaultConnection(admin: AdminConfig = {}, deviceId = newDeviceId()): ConnectionSettings {
  return {
    endpoint: admin.endpoint ?? '',
    user: '',
    password: '',
    rememberPassword: false,
    deviceId,
    auth: 'md5',
    policy: 'crm-wins',
    guardShare: 0.1,
    calendarWindow: DEFAULT_CALENDAR_WINDOW,
  };
}

export type ConnectionField = 'endpoint' | 'user' | 'password' | 'deviceId' | 'guardShare' | 'calendarWindow';
export interface ConnectionIssue {
  readonly field: ConnectionField;
  readonly reason: 'missing' | 'not-http-url' | 'credentials-in-url' | 'out-of-range';
}

/** What is wrong with the settings, field by field (empty: usable for a sync). */
export function connectionIssues(s: ConnectionSettings): ConnectionIssue[] {
  const issues: ConnectionIssue[] = [];
  const endpointIssue = checkEndpoint(s.endpoint);
  if (endpointIssue) issues.push({ field: 'endpoint', reason: endpointIssue });
  if (!s.user.trim()) issues.push({ field: 'user', reason: 'missing' });
  if (!s.password) issues.push({ field: 'password', reason: 'missing' });
  if (!/^[\w.:-]{1,100}$/.test(s.deviceId)) issues.push({ field: 'deviceId', reason: 'out-of-range' });
  if (!(s.guardShare > 0 && s.guardShare <= 1)) issues.push({ field: 'guardShare', reason: 'out-of-range' });
  const { pastDays, futureDays } = s.calendarWindow;
  const days = (n: number) => Number.isInteger(n) && n >= 0;
  // calendarView delta allows at most 1825 days (DESIGN.md §6).
  if (!days(pastDays) || !days(futureDays) || pastDays + futureDays > 1825 || pastDays + futureDays === 0) {
    issues.push({ field: 'calendarWindow', reason: 'out-of-range' });
  }
  return issues;
}

function checkEndpoint(endpoint: string): ConnectionIssue['reason'] | undefined {
  if (!endpoint.trim()) return 'missing';
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'not-http-url';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'not-http-url';
  // A password in the URL would travel in logs and proxies.
  if (url.username || url.password) return 'credentials-in-url';
  return undefined;
}

/** Throws CONNECTION_INVALID naming the first bad field (never its value). */
export function assertConnectionUsable(s: ConnectionSettings): void {
  const [issue] = connectionIssues(s);
  if (issue) {
    throw new PaneError('CONNECTION_INVALID', `connection setting ${issue.field} is ${issue.reason}`, {
      ...issue,
    });
  }
}

/** The stored settings, the admin's preset applied; a device id is generated (and saved) the first time. */
export async function loadConnection(
  settings: SettingsPort,
  admin: AdminConfig = {},
): Promise<ConnectionSettings> {
  const raw = await settings.get(CONNECTION_KEY);
  if (raw !== undefined && (raw === null || typeof raw !== 'object')) {
    throw new PaneError('SETTINGS_INVALID', 'the stored connection settings are not readable', {
      key: CONNECTION_KEY,
    });
  }
  const stored = (raw ?? {}) as Partial<ConnectionSettings>;
  const base = defaultConnection(admin);
  const merged: ConnectionSettings = {
    ...base,
    ...stored,
    password: stored.rememberPassword ? (stored.password ?? '') : '',
    endpoint: admin.lockEndpoint && admin.endpoint ? admin.endpoint : (stored.endpoint ?? base.endpoint),
  };
  if (!stored.deviceId) await saveConnection(settings, merged);
  return merged;
}

/** Saves the settings; the password only when "remember" is on (an earlier remembered one is dropped). */
export async function saveConnection(settings: SettingsPort, s: ConnectionSettings): Promise<void> {
  const { password, ...rest } = s;
  await settings.set(CONNECTION_KEY, s.rememberPassword ? { ...rest, password } : rest);
}
