/**
 * What the pane imports from the duplicate check: lazy components only, so neither the grid, the wizard nor
 * the texts are in the first screen's bundle. The Folders switch of a never-synced folder mounts
 * `LazyDuplicateCheckScreen` inside a <Suspense>.
 */
import { lazy } from 'react';

export const LazyDuplicateCheckScreen = lazy(() => import('./DuplicateCheckScreen.js'));

export type { DuplicateCheckScreenProps } from './DuplicateCheckScreen.js';
export type { DedupeLanguage } from './texts.js';
