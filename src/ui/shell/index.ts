export { App, type AppProps } from './App.js';
export { SHELL_TEXTS, type ShellLang } from './texts.js';
