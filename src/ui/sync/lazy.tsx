/**
 * The one import the shell needs: the sync screens load on first use (dynamic import), so the first screen's
 * bundle carries none of the SyncML client, the formats or the storage code.
 */
import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import type { SyncScreensProps } from './props.js';
import { SYNC_SCREEN_TEXTS } from './texts.js';

export type { SyncScreensProps } from './props.js';

const SyncPanel = lazy(() => import(/* webpackChunkName: "sync" */ './SyncPanel.js'));

export function LazySyncScreens(props: SyncScreensProps) {
  return (
    <Suspense fallback={<Spinner label={SYNC_SCREEN_TEXTS[props.lang].loading} />}>
      <SyncPanel {...props} />
    </Suspense>
  );
}
