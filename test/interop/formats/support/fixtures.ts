/**
 * Every format fixture (test/fixtures/vcard, ical, vcal) parsed to its model, named by file. The
 * round trip starts from the parsed model, as the product does: parse → serialise → server → parse.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parseCalendarItem, parseVCard } from '../../../../src/core/formats/index.js';
import type { CalendarEvent, Contact, Task } from '../../../../src/core/model/index.js';

export type FixtureModel = Contact | CalendarEvent | Task;

export interface FormatFixture {
  /** e.g. 'vcard/nokia-2.1.vcf' */
  readonly name: string;
  readonly model: FixtureModel;
}

const FIXTURES = new URL('../../../fixtures/', import.meta.url);

function filesOf(dir: string, ext: RegExp): string[] {
  return readdirSync(new URL(`${dir}/`, FIXTURES))
    .filter((f) => ext.test(f))
    .sort();
}

function parsed(dir: string, file: string): FixtureModel {
  const text = readFileSync(new URL(`${dir}/${file}`, FIXTURES), 'utf8');
  const result = dir === 'vcard' ? parseVCard(text) : parseCalendarItem(text);
  if (!result.ok) throw new Error(`fixture ${dir}/${file} does not parse: ${result.error.code}`);
  return result.value;
}

export function loadFormatFixtures(): FormatFixture[] {
  return [
    ...filesOf('vcard', /\.vcf$/).map((f) => ({ name: `vcard/${f}`, model: parsed('vcard', f) })),
    ...filesOf('ical', /\.ics$/).map((f) => ({ name: `ical/${f}`, model: parsed('ical', f) })),
    ...filesOf('vcal', /\.vcs$/).map((f) => ({ name: `vcal/${f}`, model: parsed('vcal', f) })),
  ];
}
