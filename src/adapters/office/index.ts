export * from './office-host.js';
export * from './roaming-settings.js';
