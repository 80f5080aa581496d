/** Tiny XML writing helpers: escaping, CDATA that survives "]]>", element builders. */

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** CDATA section; a "]]>" inside the data is split across two sections (the bytes stay the same). */
export function cdata(s: string): string {
  return `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

export function el(name: string, inner: string): string {
  return `<${name}>${inner}</${name}>`;
}

export function textEl(name: string, value: string | number | undefined): string {
  return value === undefined ? '' : `<${name}>${escapeText(String(value))}</${name}>`;
}

export function emptyEl(name: string, present: boolean | undefined): string {
  return present ? `<${name}/>` : '';
}

/** An element in another namespace (syncml:metinf children), declared on the element itself. */
export function nsTextEl(name: string, ns: string, value: string | number | undefined): string {
  return value === undefined ? '' : `<${name} xmlns="${ns}">${escapeText(String(value))}</${name}>`;
}
