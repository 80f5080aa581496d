// Offline structural checks of manifest.xml (office-addin-manifest's `validate` needs Microsoft's
// online service, so it cannot run here): well-formed XML, top-level elements present and in the
// schema's order, resource ids referenced exist and are unique, control ids unique, the required
// icon sizes, HTTPS everywhere, and (for a build) every URL of ours served by a file in the build.
// Returns a list of problems; an empty list means the manifest passed.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Top-level elements of a MailApp, in the order the OfficeApp schema requires. */
export const MAIL_APP_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'FormSettings',
  'Permissions',
  'Rule',
  'DisableEntityHighlighting',
  'Dictionary',
  'VersionOverrides',
  'ExtendedPermissions',
];
const REQUIRED = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'Hosts',
  'FormSettings',
  'Permissions',
  'Rule',
];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d+(\.\d+){0,3}$/;

/** Walks a preserveOrder tree, calling visit(name, attributes, children, path). */
function walk(nodes, visit, path = []) {
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (!name || name === '#text' || name === '?xml' || name === '#comment') continue;
    const attrs = node[':@'] ?? {};
    visit(name, attrs, node[name], [...path, name]);
    if (Array.isArray(node[name])) walk(node[name], visit, [...path, name]);
  }
}

const local = (name) => name.replace(/^.*:/, '');

/**
 * @param {string} xml the manifest text
 * @param {{ buildDir?: string, publicUrl?: string }} [options] with a build: check that our URLs map to files
 */
export function checkManifest(xml, options = {}) {
  const problems = [];
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return [`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`];
  const tree = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    commentPropName: '#comment',
  }).parse(xml);
  const app = tree.find((n) => 'OfficeApp' in n);
  if (!app) return ['no <OfficeApp> root element'];
  if (app[':@']?.['xsi:type'] !== 'MailApp') problems.push('OfficeApp xsi:type is not MailApp');

  const top = app.OfficeApp.map((n) => Object.keys(n).find((k) => k !== ':@')).filter(
    (k) => k && k !== '#comment' && k !== '#text',
  );
  for (const r of REQUIRED) if (!top.includes(r)) problems.push(`missing <${r}>`);
  const positions = top.map((k) => MAIL_APP_ORDER.indexOf(k));
  top.forEach((k, i) => {
    if (positions[i] === -1) problems.push(`unknown top-level element <${k}>`);
    else if (i > 0 && positions[i] < positions[i - 1])
      problems.push(`<${k}> is out of the schema's order (after <${top[i - 1]}>)`);
  });

  const text = (name) => {
    const node = app.OfficeApp.find((n) => name in n);
    return node?.[name]?.[0]?.['#text'];
  };
  if (!GUID.test(String(text('Id') ?? ''))) problems.push('<Id> is not a GUID');
  if (!VERSION.test(String(text('Version') ?? ''))) problems.push('<Version> is not n.n.n.n');

  const resourceIds = new Map();
  const referenced = [];
  const controlIds = new Map();
  const urls = [];
  const iconSizes = new Set();
  walk(tree, (name, attrs, _children, path) => {
    const n = local(name);
    const inResources = path.some((p) => local(p) === 'Resources');
    if (inResources && attrs.id) resourceIds.set(attrs.id, (resourceIds.get(attrs.id) ?? 0) + 1);
    // OfficeTab ids name Outlook's built-in tabs (TabDefault) and repeat per surface by design.
    if (!inResources && attrs.id && n !== 'OfficeTab')
      controlIds.set(attrs.id, (controlIds.get(attrs.id) ?? 0) + 1);
    if (attrs.resid) referenced.push(attrs.resid);
    if (n === 'Image' && attrs.size && !inResources) iconSizes.add(attrs.size);
    for (const key of ['DefaultValue', 'Value']) {
      const v = attrs[key];
      if (typeof v === 'string' && /^[a-z]+:\/\//i.test(v)) urls.push(v);
    }
  });
  walk(tree, (name, _a, children) => {
    if (local(name) === 'AppDomain') urls.push(String(children?.[0]?.['#text'] ?? ''));
  });
  for (const [id, count] of resourceIds)
    if (count > 1) problems.push(`resource id "${id}" is defined ${count} times`);
  for (const [id, count] of controlIds) if (count > 1) problems.push(`id "${id}" is used ${count} times`);
  for (const id of new Set(referenced))
    if (!resourceIds.has(id)) problems.push(`resid "${id}" has no resource`);
  for (const size of ['16', '32', '80']) if (!iconSizes.has(size)) problems.push(`no ${size} px button icon`);
  for (const u of urls) if (!u.startsWith('https://')) problems.push(`URL is not HTTPS: ${u}`);

  if (options.buildDir && options.publicUrl) {
    const base = options.publicUrl.replace(/\/+$/, '');
    for (const u of urls.filter((x) => x.startsWith(base + '/'))) {
      const file = join(options.buildDir, new URL(u).pathname);
      if (!existsSync(file)) problems.push(`${u} has no file in the build`);
    }
    if (urls.some((u) => u.includes('localhost')))
      problems.push('the built manifest still points at localhost');
  }
  return problems;
}
