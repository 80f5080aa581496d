/**
 * Navigation properties written with an item: named single-value extended properties (contacts,
 * events), open extensions and To Do linkedResources. Graph validates these strictly; so do we.
 */
import { GraphError, badRequest, notFound } from '../errors.js';
import { newId } from '../ids.js';
import type { ExtendedProperty, JsonObject, LinkedResource, OpenExtension, StoredItem } from './types.js';

/** `String {guid} Name X`, `String 0x3A24001F`, `Integer {guid} Id 0x8005` … (MAPI property id forms). */
const EXTENDED_PROPERTY_ID =
  /^(String|Integer|Boolean|SystemTime|Double|Long|Binary|Short|Float|CLSID|Currency|ApplicationTime|Object)\s+(\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}\s+(Name\s+\S.*|Id\s+0x[0-9a-f]{1,4})|0x[0-9a-f]{1,8})$/i;

function asArray(value: unknown, property: string): unknown[] {
  if (!Array.isArray(value))
    throw badRequest('RequestBodyRead', `'${property}' must be an array.`, { property });
  return value;
}

export function validateExtendedProperty(value: unknown, index: number): ExtendedProperty {
  const prop = value as Partial<ExtendedProperty> | null;
  if (!prop || typeof prop.id !== 'string' || !EXTENDED_PROPERTY_ID.test(prop.id.trim())) {
    throw badRequest('ErrorInvalidProperty', 'The extended property id is not valid.', {
      property: 'singleValueExtendedProperties',
      index,
      id: prop?.id,
    });
  }
  if (typeof prop.value !== 'string') {
    throw badRequest('RequestBodyRead', 'An extended property value must be a string.', {
      property: 'singleValueExtendedProperties',
      index,
    });
  }
  return { id: prop.id, value: prop.value };
}

export function validateExtension(value: unknown): OpenExtension {
  const ext = value as Partial<OpenExtension> | null;
  if (!ext || typeof ext.extensionName !== 'string' || ext.extensionName.trim() === '') {
    throw badRequest('ErrorInvalidRequest', 'An open extension needs an extensionName.', {
      property: 'extensionName',
    });
  }
  const out: OpenExtension = { extensionName: ext.extensionName };
  for (const [key, v] of Object.entries(ext)) {
    if (key === 'id' || key.startsWith('@odata.')) continue;
    out[key] = v;
  }
  if (JSON.stringify(out).length > 2_048) {
    throw badRequest('ErrorInvalidRequest', 'An open extension may hold at most 2 KB.', {
      extensionName: ext.extensionName,
    });
  }
  return out;
}

function validateLinkedResource(value: unknown, index: number): LinkedResource {
  const lr = value as Partial<LinkedResource> | null;
  if (!lr || typeof lr !== 'object')
    throw badRequest('RequestBodyRead', 'A linked resource must be an object.', {
      property: 'linkedResources',
      index,
    });
  const out: LinkedResource = { id: newId('linkedResource') };
  for (const key of ['applicationName', 'displayName', 'externalId', 'webUrl'] as const) {
    const v = lr[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string')
      throw badRequest('RequestBodyRead', `linkedResources.${key} must be a string.`, {
        property: 'linkedResources',
        index,
      });
    out[key] = v;
  }
  return out;
}

/** Applies navigation properties from a POST (creating) or PATCH body to the item. */
export function applyNavigation(item: StoredItem, navigation: JsonObject, creating: boolean): void {
  if (!creating && (navigation.extensions !== undefined || navigation.linkedResources !== undefined)) {
    const property = navigation.extensions !== undefined ? 'extensions' : 'linkedResources';
    throw badRequest(
      'ErrorInvalidRequest',
      `${property} are changed through their own URL, not by PATCH of the item.`,
      {
        property,
      },
    );
  }
  // Validate everything before changing anything: a refused write leaves the item as it was.
  const props =
    navigation.singleValueExtendedProperties === undefined
      ? []
      : asArray(navigation.singleValueExtendedProperties, 'singleValueExtendedProperties').map(
          validateExtendedProperty,
        );
  const extensions =
    navigation.extensions === undefined
      ? []
      : asArray(navigation.extensions, 'extensions').map(validateExtension);
  const names = new Set(extensions.map((e) => e.extensionName));
  if (names.size !== extensions.length) {
    throw new GraphError(409, 'NameAlreadyExists', 'Two extensions in the request have the same name.', {});
  }
  const linked =
    navigation.linkedResources === undefined
      ? []
      : asArray(navigation.linkedResources, 'linkedResources').map(validateLinkedResource);
  for (const prop of props) {
    const existing = item.extendedProperties.find((p) => p.id.toLowerCase() === prop.id.toLowerCase());
    if (existing) existing.value = prop.value;
    else item.extendedProperties.push(prop);
  }
  for (const ext of extensions) addExtension(item, ext);
  item.linkedResources.push(...linked);
}

/** Open-extension ids: Outlook items prefix the name; To Do shows the bare name. */
export function extensionId(item: StoredItem, ext: OpenExtension): string {
  return item.kind === 'task'
    ? ext.extensionName
    : `Microsoft.OutlookServices.OpenTypeExtension.${ext.extensionName}`;
}

export function findExtension(item: StoredItem, nameOrId: string): OpenExtension | undefined {
  const name = nameOrId.replace(/^Microsoft\.OutlookServices\.OpenTypeExtension\./, '');
  return item.extensions.find((e) => e.extensionName === name);
}

export function addExtension(item: StoredItem, ext: OpenExtension): void {
  if (findExtension(item, ext.extensionName)) {
    throw new GraphError(
      409,
      'NameAlreadyExists',
      'An extension with this name already exists on the item.',
      { extensionName: ext.extensionName },
    );
  }
  item.extensions.push(ext);
}

/** PATCH of an open extension replaces it whole: unspecified properties are dropped, as on Graph. */
export function replaceExtension(item: StoredItem, nameOrId: string, body: unknown): OpenExtension {
  const existing = findExtension(item, nameOrId);
  if (!existing) throw notFound('extension', nameOrId);
  const next = validateExtension({ ...(body as object), extensionName: existing.extensionName });
  item.extensions[item.extensions.indexOf(existing)] = next;
  return next;
}

export function removeExtension(item: StoredItem, nameOrId: string): void {
  const existing = findExtension(item, nameOrId);
  if (!existing) throw notFound('extension', nameOrId);
  item.extensions.splice(item.extensions.indexOf(existing), 1);
}

export function addLinkedResource(item: StoredItem, body: unknown): LinkedResource {
  const lr = validateLinkedResource(body, item.linkedResources.length);
  item.linkedResources.push(lr);
  return lr;
}

export function updateLinkedResource(item: StoredItem, id: string, body: unknown): LinkedResource {
  const index = item.linkedResources.findIndex((l) => l.id === id);
  if (index < 0) throw notFound('linkedResource', id);
  const patch = validateLinkedResource(body, index);
  const merged: LinkedResource = { ...item.linkedResources[index]!, ...patch, id };
  item.linkedResources[index] = merged;
  return merged;
}

export function removeLinkedResource(item: StoredItem, id: string): void {
  const index = item.linkedResources.findIndex((l) => l.id === id);
  if (index < 0) throw notFound('linkedResource', id);
  item.linkedResources.splice(index, 1);
}
