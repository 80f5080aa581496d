export * from './local-time.js';
export * from './zone-offsets.js';
export * from './transitions.js';
export * from './windows-zones.js';
export * from './vtimezone.js';
export * from './vcal-zone.js';
