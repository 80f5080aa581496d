/**
 * Where the CRM link (LUID + fingerprint) lives on an Outlook item (DESIGN.md §4):
 * - contacts and events: two named single-value extended properties in our own property set;
 * - To Do tasks (no extended properties): one open extension named by us.
 * The GUID and names are part of every synced mailbox: never change them.
 */
import { luid } from '../../core/model/index.js';
import type { ItemLink } from '../../core/sync/outlook-store.js';

export const LINK_PROPERTY_SET = '{c7eef0a5-3396-446a-8e0f-4d9d075e21d6}';
export const LUID_PROPERTY_ID = `String ${LINK_PROPERTY_SET} Name CrmLuid`;
export const FINGERPRINT_PROPERTY_ID = `String ${LINK_PROPERTY_SET} Name CrmFingerprint`;

/** `$expand` value that returns our two properties and any the mapping reads (no "expand all" exists). */
export function linkPropertiesExpand(extraIds: readonly string[] = []): string {
  const ids = [LUID_PROPERTY_ID, FINGERPRINT_PROPERTY_ID, ...extraIds];
  return `singleValueExtendedProperties($filter=${ids.map((id) => `id eq '${id}'`).join(' or ')})`;
}

/** Our link properties for a write, merged with the mapping's own (ours win on a clash). */
export function withLinkProperties(
  body: Readonly<Record<string, unknown>>,
  link: ItemLink,
): Record<string, unknown> {
  const theirs = Array.isArray(body.singleValueExtendedProperties)
    ? (body.singleValueExtendedProperties as Array<{ id: string; value: string }>)
    : [];
  const ours = linkToExtendedProperties(link);
  const kept = theirs.filter((p) => !ours.some((o) => sameProperty(o.id, p.id)));
  return { ...body, singleValueExtendedProperties: [...kept, ...ours] };
}

/** `$filter` that finds the item carrying a LUID (values compare case-insensitively in Graph). */
export function luidFilter(value: string): string {
  return `singleValueExtendedProperties/Any(ep: ep/id eq '${LUID_PROPERTY_ID}' and ep/value eq '${value.replace(/'/g, "''")}')`;
}

export function linkToExtendedProperties(link: ItemLink): Array<{ id: string; value: string }> {
  return [
    { id: LUID_PROPERTY_ID, value: link.luid },
    { id: FINGERPRINT_PROPERTY_ID, value: link.fingerprint },
  ];
}

/** Graph echoes the property id in its own normalised form: compare the GUID ignoring case. */
export const sameProperty = (a: string, b: string): boolean => {
  const [setA = '', nameA] = a.split(' Name ');
  const [setB = '', nameB] = b.split(' Name ');
  return setA.toLowerCase() === setB.toLowerCase() && nameA === nameB;
};

export function linkFromExtendedProperties(json: Readonly<Record<string, unknown>>): ItemLink | undefined {
  const props = json.singleValueExtendedProperties;
  if (!Array.isArray(props)) return undefined;
  let luidValue: string | undefined;
  let fingerprint: string | undefined;
  for (const prop of props as Array<{ id?: unknown; value?: unknown }>) {
    if (typeof prop.id !== 'string' || typeof prop.value !== 'string') continue;
    if (sameProperty(prop.id, LUID_PROPERTY_ID)) luidValue = prop.value;
    if (sameProperty(prop.id, FINGERPRINT_PROPERTY_ID)) fingerprint = prop.value;
  }
  return luidValue ? { luid: luid(luidValue), fingerprint: fingerprint ?? '' } : undefined;
}

/** Our open extension on To Do tasks. */
export const TASK_LINK_EXTENSION = 'org.outlookcrmsync.link';

export function linkToExtension(link: ItemLink): Record<string, string> {
  return {
    '@odata.type': '#microsoft.graph.openTypeExtension',
    extensionName: TASK_LINK_EXTENSION,
    crmLuid: link.luid,
    crmFingerprint: link.fingerprint,
  };
}

export function linkFromExtensions(json: Readonly<Record<string, unknown>>): ItemLink | undefined {
  const extensions = json.extensions;
  if (!Array.isArray(extensions)) return undefined;
  for (const ext of extensions as Array<Record<string, unknown>>) {
    const name = typeof ext.extensionName === 'string' ? ext.extensionName : ext.id;
    // Graph names an Outlook open extension's id "Microsoft.OutlookServices.OpenTypeExtension.<name>".
    if (
      typeof name !== 'string' ||
      !(name === TASK_LINK_EXTENSION || name.endsWith(`.${TASK_LINK_EXTENSION}`))
    )
      continue;
    if (typeof ext.crmLuid !== 'string' || ext.crmLuid === '') return undefined;
    return {
      luid: luid(ext.crmLuid),
      fingerprint: typeof ext.crmFingerprint === 'string' ? ext.crmFingerprint : '',
    };
  }
  return undefined;
}
