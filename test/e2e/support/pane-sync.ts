/** What the sync e2e files share: reading a run's outcome off the Sync screen and the page's sandbox mailbox. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

interface Outcome {
  readonly runId: string | null;
  readonly outcome: string | null;
}

/** The outcome bar of the newest run the Sync screen shows (data-run-id, data-outcome). */
export function lastOutcome(page: Page): Promise<Outcome | undefined> {
  return page.evaluate(() => {
    const bar = document.querySelector('[data-run-id]');
    return bar
      ? { runId: bar.getAttribute('data-run-id'), outcome: bar.getAttribute('data-outcome') }
      : undefined;
  });
}

/** Runs `start` (by default: clicks "Sync now") and waits for the outcome of THIS run. */
export async function nextOutcome(
  page: Page,
  start = () => page.getByRole('button', { name: 'Sync now' }).click(),
): Promise<string | null> {
  const before = (await lastOutcome(page))?.runId;
  await start();
  await expect
    .poll(async () => (await lastOutcome(page))?.runId ?? before, { timeout: 120_000 })
    .not.toBe(before);
  return (await lastOutcome(page))!.outcome;
}

/** Graph items of a folder of the page's sandbox mailbox (the service worker answers the page's fetch). */
export function graphItemsIn<T>(
  page: Page,
  kind: 'contactFolders' | 'calendars',
  folderName: string,
): Promise<T[]> {
  return page.evaluate(
    async ([collection, name]) => {
      const headers = { Authorization: 'Bearer sandbox-token' };
      const base = `https://graph.microsoft.com/v1.0/me/${collection}`;
      const folders = (await (await fetch(base, { headers })).json()) as {
        value: { id: string; displayName?: string; name?: string }[];
      };
      const folder = folders.value.find((f) => (f.displayName ?? f.name) === name);
      if (!folder) throw new Error(`no folder ${name} in the sandbox mailbox`);
      const items = collection === 'calendars' ? 'events' : 'contacts';
      const res = await fetch(`${base}/${folder.id}/${items}?$top=999`, { headers });
      return ((await res.json()) as { value: unknown[] }).value;
    },
    [kind, folderName] as const,
  ) as Promise<T[]>;
}

/**
 * Starts a run on a mailbox slowed to 400 ms a request, cancels it once the progress bar shows, and gives the
 * latency back: the outcome of the cancelled run.
 */
export async function cancelSlowRun(page: Page): Promise<string | null> {
  await page.evaluate(() => window.sandboxMailbox!.setFaults({ latencyMs: 400 }));
  const outcome = await nextOutcome(page, async () => {
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByRole('progressbar').first().waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Cancel' }).click();
  });
  await page.evaluate(() => window.sandboxMailbox!.setFaults({ latencyMs: 0 }));
  return outcome;
}
