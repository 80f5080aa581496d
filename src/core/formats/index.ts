// The formats entry point: a plain list of re-exports (formats part 1: text layer, vCard, Graph contact,
// fingerprint; part 2: calendar formats).
export * from './text/index.js';
export * from './vcard/index.js';
export { contactFromGraph, contactToGraph, birthdayFromGraph } from './graph/contact.js';
export type {
  GraphContact,
  GraphContactWrite,
  GraphEmailAddress,
  GraphPhysicalAddress,
} from './graph/contact-types.js';
export { GRAPH_CONTACT_LIMITS } from './graph/contact-types.js';
