/**
 * The two line syntaxes of the PIM formats we speak.
 * - `versit`: vCard 2.1 and vCalendar 1.0 (versit consortium, 1996). Bare parameters (`TEL;CELL;HOME:`),
 *   QUOTED-PRINTABLE with `=` soft line breaks, CHARSET per property, only `\;` escaped, folding keeps the
 *   whitespace it broke before.
 * - `rfc`: vCard 3.0 (RFC 2425/2426) and iCalendar 2.0 (RFC 5545). `NAME=value` parameters, quoted parameter
 *   values, `\\ \, \; \n` escapes, folding is CRLF + one space/tab that unfolding removes.
 */
export type LineSyntax = 'versit' | 'rfc';

/**
 * Size caps (see docs/decisions/0010-text-layer-limits.md). A single logical line (one property with its value)
 * may hold up to 8 MiB of characters: a 5 MB JPEG is about 6.7 MiB of base64 and stays intact. Above that the
 * item fails with TOO_LARGE instead of being truncated.
 */
export const MAX_LOGICAL_LINE_CHARS = 8 * 1024 * 1024;

/** Lines are folded at 75 octets (RFC 2425 §5.8.1, RFC 5545 §3.1), counting UTF-8 bytes, not characters. */
export const FOLD_OCTETS = 75;
