import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GraphEmulator } from '../../../src/sandbox/graph/app.js';
import { GraphEmulatorControl } from '../../../src/sandbox/graph/control.js';
import { GraphError } from '../../../src/sandbox/graph/errors.js';
import { MailboxStore } from '../../../src/sandbox/graph/store/mailbox-store.js';
import { evaluateFilter, parseFilter } from '../../../src/sandbox/graph/http/odata-filter.js';

const CRM_ID = 'String {6f7b2a6e-1c1d-4c5e-9f2a-3c0b7d1e2a11} Name CrmId';

function setup() {
  const contact = {
    givenName: 'Jürgen',
    surname: "O'Brien",
    emailAddresses: [{ address: 'juergen@example.com' }],
    singleValueExtendedProperties: [{ id: CRM_ID, value: 'Crm-42' }],
  };
  const matches = (filter: string) => evaluateFilter(parseFilter(filter), contact);
  return { matches };
}

describe('$filter', () => {
  it('evaluates comparisons, functions, lambdas, not/and/or and quoted quotes', () => {
    const { matches } = setup();
    expect(matches("givenName eq 'jürgen'")).toBe(true);
    expect(matches("surname eq 'O''Brien'")).toBe(true);
    expect(matches("startswith(givenName,'jü') and not (surname eq 'x')")).toBe(true);
    expect(matches("emailAddresses/any(a: a/address eq 'JUERGEN@example.com')")).toBe(true);
    expect(
      matches(`singleValueExtendedProperties/Any(ep: ep/id eq '${CRM_ID}' and ep/value eq 'crm-42')`),
    ).toBe(true);
    expect(
      matches(
        `singleValueExtendedProperties/Any(ep: ep/id eq '${CRM_ID.toLowerCase()}' and ep/value eq 'crm-42')`,
      ),
    ).toBe(false);
    expect(matches("givenName eq 'x' or contains(surname,'bri')")).toBe(true);
  });

  it('answers malformed filters with a typed BadRequest, never anything else', () => {
    for (const bad of [
      'givenName eq',
      "eq 'x'",
      "(givenName eq 'x'",
      "givenName eq 'x' and",
      'x/any(a: )',
      "'unterminated",
    ]) {
      try {
        parseFilter(bad);
        expect.unreachable(bad);
      } catch (error) {
        expect(error).toBeInstanceOf(GraphError);
        expect((error as GraphError).code).toBe('BadRequest');
      }
    }
  });

  it('never throws anything but a GraphError for arbitrary input (fuzz)', () => {
    const { matches } = setup();
    const pieces = fc.constantFrom(
      'givenName',
      'eq',
      'ne',
      'and',
      'or',
      'not',
      '(',
      ')',
      "'a'",
      "''",
      'x/any(',
      'a:',
      'a/id',
      ',',
      'startswith(',
      '1',
      'null',
      ' ',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pieces, { maxLength: 12 }).map((p) => p.join(' ')),
        ),
        (text) => {
          try {
            matches(text);
          } catch (error) {
            if (!(error instanceof GraphError)) throw error;
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('query options over HTTP', () => {
  it('answers any $filter/$select/$top/$expand with 200 or a 400, never a 500 (fuzz)', async () => {
    const store = new MailboxStore();
    store.createItem('contact', store.defaultFolder('contacts').id, { givenName: 'A' });
    const emulator = new GraphEmulator(store, new GraphEmulatorControl({ limits: { requestBudget: null } }));
    const option = fc.constantFrom(
      '$filter',
      '$select',
      '$top',
      '$skip',
      '$expand',
      '$orderby',
      '$count',
      '$bogus',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(option, fc.string()), { maxLength: 3 }), async (options) => {
        const url = new URL('https://graph.microsoft.com/v1.0/me/contacts');
        for (const [name, value] of options) url.searchParams.append(name, value);
        const res = await emulator.handle({ method: 'GET', url, headers: {} });
        expect([200, 400]).toContain(res.status);
      }),
      { numRuns: 500 },
    );
  });
});
