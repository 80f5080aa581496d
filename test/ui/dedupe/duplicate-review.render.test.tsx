import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DuplicateReview } from '../../../src/ui/dedupe/DuplicateReview.js';
import { loadDedupeTexts } from '../../../src/ui/dedupe/texts.js';
import { sampleCheck } from './support.js';

async function render(pairs: number, saveForLater = false) {
  const texts = await loadDedupeTexts('de');
  return renderToString(
    <FluentProvider theme={webLightTheme}>
      <DuplicateReview
        check={sampleCheck(pairs)}
        texts={texts}
        onStartFirstSync={() => undefined}
        {...(saveForLater ? { onSaveForLater: () => undefined } : {})}
      />
    </FluentProvider>,
  );
}

describe('duplicate review (server render)', () => {
  it('shows a grid with score, reason chips, both versions, a labelled decision per pair, and the bulk action', async () => {
    const html = await render(2);
    expect(html).toContain('role="grid"');
    expect(html).toContain('Punkte 95');
    expect(html).toContain('gleiche E-Mail');
    expect(html).toContain('Anna0 Müller');
    expect(html).toContain('Anna0 Mueller');
    expect(html).toContain('aria-label="Entscheidung für Anna0 Müller"');
    expect(html).toContain('Alle ab 90 Punkten verknüpfen');
    expect(html).toContain('Erste Synchronisierung starten');
  });

  it('offers "save decisions, sync later" only where the pane can close the check', async () => {
    expect(await render(1)).not.toContain('Entscheidungen speichern, später synchronisieren');
    expect(await render(1, true)).toContain('Entscheidungen speichern, später synchronisieren');
  });

  it('renders only the visible rows of thousands of pairs (virtualised)', async () => {
    const html = await render(3000);
    const rows = html.match(/aria-label="Entscheidung für /g) ?? [];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(30);
  });
});
