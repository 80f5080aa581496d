export * from './tables.js';
export * from './until.js';
export * from './rrule-ical.js';
export * from './rrule-vcal.js';
export * from './vcal-weekly-count.js';
