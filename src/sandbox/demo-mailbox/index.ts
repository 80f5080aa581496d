export { seedDemoMailbox, nextDstChange } from './seed.js';
export { DEMO_PEOPLE, displayNameOf, type DemoPerson, type DemoFolder } from './people.js';
