/**
 * What the pane imports from the duplicate check: lazy components only, so neither the grid, the wizard nor
 * the texts are in the first screen's bundle. The Folders switch of a never-synced folder mounts
 * `LazyPaneDuplicateCheck` (it closes itself for a folder that synced before); `LazyDuplicateCheckScreen` is
 * the bare screen for callers that compose their own ports.
 */
import { Spinner } from '@fluentui/react-components';
import { createElement, lazy, Suspense } from 'react';
import type { PaneDuplicateCheckProps } from './PaneDuplicateCheck.js';

export const LazyDuplicateCheckScreen = lazy(
  () => import(/* webpackChunkName: "dedupe" */ './DuplicateCheckScreen.js'),
);
const PaneDuplicateCheck = lazy(() => import(/* webpackChunkName: "dedupe" */ './PaneDuplicateCheck.js'));

export function LazyPaneDuplicateCheck(props: PaneDuplicateCheckProps) {
  return createElement(
    Suspense,
    { fallback: createElement(Spinner, { size: 'small' }) },
    createElement(PaneDuplicateCheck, props),
  );
}

export type { DuplicateCheckScreenProps } from './DuplicateCheckScreen.js';
export type { PaneDuplicateCheckProps } from './PaneDuplicateCheck.js';
export type { DedupeLanguage } from './texts.js';
