/**
 * What one round trip sends: every fixture, the pinned DST series, and one series with a changed
 * occurrence kept whole (the server cannot hold that: see the decision record). In the fixtures
 * themselves a changed occurrence is left out — it stays an ordinary occurrence of its series —
 * because SyncEvolution's file datastore keeps one VEVENT per item.
 */
import type { CalendarEvent } from '../../../../src/core/model/index.js';
import { PINNED_SERIES } from './dst-series.js';
import { loadFormatFixtures, type FixtureModel } from './fixtures.js';

export interface RoundTripItem {
  readonly name: string;
  readonly model: FixtureModel;
  /** Occurrences the series must still have after the trip. */
  readonly pinned?: readonly string[];
}

/** The Outlook series crosses the March change; 31 March is cancelled, 2 April stays (its change is left out). */
const PINNED_FIXTURE_OCCURRENCES: Readonly<Record<string, readonly string[]>> = {
  'ical/outlook-weekly-dst.ics': [
    '2025-03-17T09:00|08:00Z',
    '2025-03-19T09:00|08:00Z',
    '2025-03-24T09:00|08:00Z',
    '2025-03-26T09:00|08:00Z',
    '2025-04-02T09:00|07:00Z',
    '2025-04-07T09:00|07:00Z',
    '2025-04-09T09:00|07:00Z',
  ],
};

export const CHANGED_OCCURRENCE_UID = 'series-with-changed-occurrence@interop.example';

function withoutChangedOccurrences(model: FixtureModel): FixtureModel {
  if (model.kind !== 'event') return model;
  return { ...model, exceptions: model.exceptions.filter((x) => x.cancelled) };
}

export function roundTripItems(): { items: RoundTripItem[]; withChange: CalendarEvent } {
  const fixtures = loadFormatFixtures();
  const outlookSeries = fixtures.find((f) => f.name === 'ical/outlook-weekly-dst.ics')!
    .model as CalendarEvent;
  const items: RoundTripItem[] = [
    ...fixtures.map((f) => ({
      name: f.name,
      model: withoutChangedOccurrences(f.model),
      ...(PINNED_FIXTURE_OCCURRENCES[f.name] ? { pinned: PINNED_FIXTURE_OCCURRENCES[f.name] } : {}),
    })),
    ...PINNED_SERIES.map((s) => ({ name: `DST series: ${s.name}`, model: s.event, pinned: s.pinned })),
  ];
  const withChange: CalendarEvent = { ...outlookSeries, uid: CHANGED_OCCURRENCE_UID };
  return { items, withChange };
}
