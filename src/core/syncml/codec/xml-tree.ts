/**
 * Raw XML → a small element tree (local names, text joined), on fast-xml-parser.
 *
 * Why not fast-xml-parser's output directly: XML parsers turn CR LF into LF even inside CDATA
 * (../shared/reference/syncml.md §5.3, rule 7), but item data must keep its bytes for exact
 * Meta Size checks and vCard/iCal line ends. So every CR is swapped for a private-use sentinel
 * before parsing and swapped back in text; entities are decoded here, numeric ones included
 * (`&#13;` is how some peers escape CR).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { binaryOfCodePoint, utf8DecodeBinary } from '../bytes.js';
import { SyncMLError } from '../errors.js';

export interface XmlElement {
  /** Local name (namespace prefix removed; namespaces are ignored on input, §1.2). */
  readonly name: string;
  readonly children: readonly XmlElement[];
  /** All text and CDATA directly inside, joined, CR preserved, entities decoded. */
  readonly text: string;
  /** When parsed from bytes: the same text as raw UTF-8 bytes (one char per byte). */
  readonly binaryText?: string;
}

export interface ParseXmlOptions {
  /**
   * The input is a binary string (one char per byte, see bytes.ts binaryFromBytes). Text is
   * decoded as UTF-8 per element; `binaryText` keeps the bytes, since a server may cut a large
   * object's chunks inside a multi-byte character (SyncEvolution does).
   */
  readonly binary?: boolean;
}

const CR_SENTINEL = '\uE00D';
const CR_SENTINEL_RE = /\uE00D/g;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: true,
  removeNSPrefix: true,
  cdataPropName: '#cdata',
  trimValues: false,
  parseTagValue: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
});

type RawNode = Record<string, unknown>;

export function parseXmlTree(xml: string, options: ParseXmlOptions = {}): XmlElement {
  const prepared = xml.replace(/\r/g, CR_SENTINEL);
  const valid = XMLValidator.validate(prepared);
  if (valid !== true) {
    throw new SyncMLError('MALFORMED_XML', `malformed XML: ${valid.err.msg}`, {
      line: valid.err.line,
      column: valid.err.col,
      xmlCode: valid.err.code,
    });
  }
  const roots = (parser.parse(prepared) as RawNode[])
    .map((n) => toElement(n, options.binary === true))
    .filter((e): e is XmlElement => e !== null);
  const root = roots[0];
  if (!root) throw new SyncMLError('MALFORMED_XML', 'no root element');
  return root;
}

function toElement(node: RawNode, binary: boolean): XmlElement | null {
  const name = Object.keys(node).find((k) => k !== ':@' && k !== '#text' && k !== '#cdata');
  if (name === undefined) return null;
  const rawChildren = (node[name] as RawNode[] | undefined) ?? [];
  const children: XmlElement[] = [];
  let text = '';
  for (const child of rawChildren) {
    if ('#text' in child) text += decodeEntities(String(child['#text']), binary);
    else if ('#cdata' in child) text += cdataText(child['#cdata']);
    else {
      const el = toElement(child, binary);
      if (el) children.push(el);
    }
  }
  const raw = text.replace(CR_SENTINEL_RE, '\r');
  if (!binary) return { name: localName(name), children, text: raw };
  return { name: localName(name), children, text: utf8DecodeBinary(raw), binaryText: raw };
}

function cdataText(value: unknown): string {
  if (!Array.isArray(value)) return String(value ?? '');
  return value.map((part: RawNode) => String(part['#text'] ?? '')).join('');
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string, binary: boolean): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return codePointOrKeep(parseInt(ref.slice(2), 16), whole, binary);
    if (ref.startsWith('#')) return codePointOrKeep(parseInt(ref.slice(1), 10), whole, binary);
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

function codePointOrKeep(cp: number, whole: string, binary: boolean): string {
  if (!(Number.isFinite(cp) && cp >= 0 && cp <= 0x10ffff)) return whole;
  if (cp === 13) return CR_SENTINEL;
  return binary ? binaryOfCodePoint(cp) : String.fromCodePoint(cp);
}

// ---- navigation helpers (path is only for error details) ----

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

export function requireChild(el: XmlElement, name: string, path: string): XmlElement {
  const found = child(el, name);
  if (!found)
    throw new SyncMLError('MISSING_ELEMENT', `missing <${name}> in ${path}`, { element: name, path });
  return found;
}

export function textOf(el: XmlElement, name: string): string | undefined {
  const found = child(el, name);
  return found ? found.text.trim() : undefined;
}

export function requireText(el: XmlElement, name: string, path: string): string {
  return requireChild(el, name, path).text.trim();
}

export function intOf(el: XmlElement, name: string, path: string): number | undefined {
  const raw = textOf(el, name);
  if (raw === undefined) return undefined;
  return parseIntStrict(raw, `${path}/${name}`);
}

export function parseIntStrict(raw: string, path: string): number {
  if (!/^\d+$/.test(raw))
    throw new SyncMLError('BAD_VALUE', `not a number in ${path}: ${raw.slice(0, 40)}`, {
      path,
      value: raw.slice(0, 40),
    });
  return Number(raw);
}
