/** The deletion guard's question: what would be deleted, "Continue" or "Stop" (Stop is the default focus). */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { SYNC_TEXTS } from '../../app/sync/texts.js';
import type { GuardTrip } from '../../core/sync/index.js';
import { SYNC_SCREEN_TEXTS, type UiLanguage } from './texts.js';

export interface GuardDialogProps {
  readonly trip: GuardTrip | undefined;
  readonly lang: UiLanguage;
  readonly onDecide: (decision: 'continue' | 'stop') => void;
}

export function GuardDialog({ trip, lang, onDecide }: GuardDialogProps) {
  const t = SYNC_SCREEN_TEXTS[lang];
  return (
    <Dialog modalType="alert" open={trip !== undefined}>
      <DialogSurface aria-describedby="guard-summary">
        <DialogBody>
          <DialogTitle>{t.guardTitle}</DialogTitle>
          <DialogContent>
            {trip && (
              <>
                <p id="guard-summary">{SYNC_TEXTS[lang].guard(trip)}</p>
                <ul aria-label={t.guardListLabel} style={{ maxHeight: '12rem', overflowY: 'auto' }}>
                  {trip.deletions.map((d, i) => (
                    <li key={`${i}-${d.name}`}>{d.name}</li>
                  ))}
                </ul>
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onDecide('stop')}>
              {t.guardStop}
            </Button>
            <Button onClick={() => onDecide('continue')}>{t.guardContinue}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
