export { parseVCard, parseVCardFile, splitVCards, type VCardBlock } from './parse.js';
export { serializeVCard, type SerializedVCard } from './write.js';
export { VCARD_DIALECTS, type VCardDialect, type VCardVersion } from './dialects.js';
