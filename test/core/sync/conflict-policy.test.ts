import { describe, expect, it } from 'vitest';
import {
  conflictPolicyByName,
  crmWins,
  DEFAULT_CONFLICT_POLICY,
  newestWins,
  outlookWins,
} from '../../../src/core/sync/index.js';
import { contact } from './fixtures.js';

function setup() {
  const crm = contact('Anna', 'CRM', { modifiedAt: '2026-01-02T10:00:00Z' });
  const outlook = contact('Anna', 'Outlook', { modifiedAt: '2026-01-03T10:00:00Z' });
  return { crm, outlook, both: { kind: 'both-changed' as const, crm, outlook } };
}

describe('conflict policy', () => {
  it('defaults to CRM wins, as SyncML servers decide', () => {
    const { both } = setup();
    expect(DEFAULT_CONFLICT_POLICY.name).toBe('crm-wins');
    expect(crmWins.decide(both)).toBe('crm');
    expect(outlookWins.decide(both)).toBe('outlook');
  });

  it('newest wins by modifiedAt, and falls back to the CRM when a time is missing or equal', () => {
    const { crm, outlook, both } = setup();
    expect(newestWins.decide(both)).toBe('outlook');
    expect(newestWins.decide({ kind: 'both-changed', crm: outlook, outlook: crm })).toBe('crm');
    expect(
      newestWins.decide({ kind: 'both-changed', crm, outlook: { ...outlook, modifiedAt: undefined } }),
    ).toBe('crm');
    expect(newestWins.decide({ kind: 'both-changed', crm, outlook: crm })).toBe('crm');
  });

  it('lets an edit beat a deletion under every policy', () => {
    const { crm, outlook } = setup();
    for (const name of ['crm-wins', 'outlook-wins', 'newest-wins'] as const) {
      const policy = conflictPolicyByName(name);
      expect(policy.decide({ kind: 'crm-deleted', outlook })).toBe('outlook');
      expect(policy.decide({ kind: 'outlook-deleted', crm })).toBe('crm');
    }
  });
});
