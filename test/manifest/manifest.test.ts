/** Offline checks of manifest.xml (the online validator can't run here), and the checker's own failures. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OfficeAddinManifest } from 'office-addin-manifest';
// @ts-expect-error plain JS checker shared with the build test
import { checkManifest } from '../../scripts/manifest-check.mjs';

const source = readFileSync('manifest.xml', 'utf8');
const check = checkManifest as (xml: string, o?: { buildDir?: string; publicUrl?: string }) => string[];

describe('manifest.xml', () => {
  it('passes every offline structural check', () => {
    expect(check(source)).toEqual([]);
  });

  it('reads with office-addin-manifest as an Outlook mail add-in', async () => {
    const info = await OfficeAddinManifest.readManifestFile('manifest.xml');
    expect(info.officeAppType).toBe('MailApp');
    expect(info.hosts).toEqual(['Mailbox']);
    expect(info.displayName).toBe('CRM Sync');
  });

  it('opens the task pane from the message-read and appointment surfaces, with the Mailbox 1.13 no-item context', () => {
    expect(source).toMatch(/ExtensionPoint xsi:type="MessageReadCommandSurface"/);
    expect(source).toMatch(/ExtensionPoint xsi:type="AppointmentAttendeeCommandSurface"/);
    expect(source).toMatch(/<bt:Sets DefaultMinVersion="1.13">/);
    expect(source).toMatch(/<SupportsNoItemContext>true<\/SupportsNoItemContext>/);
  });
});

describe('the checker finds what is wrong', () => {
  const broken = (from: string, to: string) => check(source.replace(from, to));

  it('reports malformed XML', () => {
    expect(broken('</OfficeApp>', '')[0]).toMatch(/not well-formed/);
  });
  it('reports a resid without a resource', () => {
    expect(broken('resid="Button.Tooltip"', 'resid="Button.Missing"')).toContain(
      'resid "Button.Missing" has no resource',
    );
  });
  it('reports elements out of the schema order', () => {
    const swapped = source
      .replace('<Version>0.1.0.0</Version>\n', '')
      .replace('<ProviderName>', '<Version>0.1.0.0</Version>\n  <ProviderName>');
    expect(check(swapped.replace('<Id>', '<Version>9</Version><Id>'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/out of the schema's order/)]),
    );
  });
  it('reports duplicate ids, a missing icon size and plain HTTP', () => {
    expect(broken('id="crmSyncAttendeeButton"', 'id="crmSyncMessageButton"')).toContain(
      'id "crmSyncMessageButton" is used 2 times',
    );
    expect(broken('<bt:Image size="80" resid="Icon.80"/>', '').length).toBe(0); // other surfaces still carry 80 px
    expect(check(source.replaceAll('<bt:Image size="80" resid="Icon.80"/>', ''))).toContain(
      'no 80 px button icon',
    );
    expect(
      broken('https://localhost:3000/assets/icon-64.png', 'http://localhost:3000/assets/icon-64.png'),
    ).toContain('URL is not HTTPS: http://localhost:3000/assets/icon-64.png');
  });
  it('reports an Id that is not a GUID', () => {
    expect(broken('6f3c2d1e-8a47-4b5e-9c21-0d7e5b4a3f18', 'my-addin')).toContain('<Id> is not a GUID');
  });
});
