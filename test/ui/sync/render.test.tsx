import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { outlookFolderId } from '../../../src/core/model/index.js';
import type { FolderPreview } from '../../../src/core/sync/index.js';
import { PreviewList } from '../../../src/ui/sync/PreviewList.js';
import { ErrorBar } from '../../../src/ui/sync/SyncView.js';

const html = (node: ReactElement) =>
  renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);

const preview: FolderPreview = {
  folderId: outlookFolderId('contacts'),
  datastore: 'addressbook',
  toOutlook: { creates: 2, updates: 1, deletes: 0, names: ['Anna Weiß', 'Bernd Krüger', 'Carla Berger'] },
  toCrm: { creates: 0, updates: 0, deletes: 1, names: ['Dora Schmidt'] },
  conflicts: 0,
  heldBack: 0,
  guardTrips: [],
};

describe('sync screens render', () => {
  it('the preview says per folder what changes where, in German and English', () => {
    const label = () => 'Kontakte';
    const de = html(<PreviewList previews={[preview]} lang="de" folderLabel={label} />);
    expect(de).toContain('2 neu in Outlook, 1 geändert in Outlook, 1 Löschung im CRM');
    expect(de).toContain('3 Elemente anzeigen');
    const en = html(<PreviewList previews={[preview]} lang="en" folderLabel={label} />);
    expect(en).toContain('2 new in Outlook, 1 changed in Outlook, 1 deletion in the CRM');
  });

  it('an error shows as an alert MessageBar carrying its code, never the error message', () => {
    const error = Object.assign(new Error('secret-detail S3cret'), { code: 'NO_FOLDERS' });
    const out = html(<ErrorBar error={error} lang="en" />);
    expect(out).toContain('role="alert"');
    expect(out).toContain('data-code="NO_FOLDERS"');
    expect(out).not.toContain('S3cret');
  });

  it('an unknown failure still tells the user what to do', () => {
    expect(html(<ErrorBar error={new TypeError('x')} lang="de" />)).toContain('data-code="unknown"');
  });
});
