/**
 * Regression (issue 4, found by the CLI's 10,000-contact slow sync): while we still send our
 * statuses and Map items over many messages, the server's answers carry no Final and no command
 * — that is the protocol, not an idle server, and must not end the session with NO_FINAL.
 */
import { describe, expect, it } from 'vitest';
import type { SyncMLMessage } from '../../../src/core/syncml/index.js';
import { card, errorCodeOf, runSyncSession, sessionAgainst } from './support/session-helpers.js';

function setup(serverAdds: number) {
  const items = Array.from({ length: serverAdds }, (_, i) => ({
    op: 'add' as const,
    guid: `server-guid-${i}`,
    data: card(`Server ${i}`),
  }));
  const mapMessagesOf = (requests: readonly SyncMLMessage[]) =>
    requests.filter((r) => r.body.some((c) => c.kind === 'Map'));
  return { items, mapMessagesOf };
}

describe('SyncML session: long packages of ours', () => {
  it('sends statuses and Map over many more messages than the idle limit without NO_FINAL', async () => {
    const { items, mapMessagesOf } = setup(400);
    const run = sessionAgainst({ stores: { addressbook: { items } } });
    const result = await runSyncSession({ ...run.options, maxMsgSize: 2000 });
    // far more non-final messages than the idle guard allows (8), each answered without Final
    expect(mapMessagesOf(run.server.requests).length).toBeGreaterThan(12);
    expect(run.server.maps.addressbook).toHaveLength(400);
    expect(result.datastores[0]!.serverChangesApplied).toBe(400);
  });

  it('still fails with NO_FINAL when the server never ends its package while we only ask for more', async () => {
    const { items } = setup(3);
    const run = sessionAgainst({
      itemsPerMessage: 1,
      stores: { addressbook: { items } },
      // after package 2, every reply loses its Final and its commands: a server that idles forever
      tamper: (reply, n) =>
        n >= 3 ? reply.replace('<Final/>', '').replace(/<Sync>[\s\S]*<\/Sync>/, '') : reply,
    });
    expect(await errorCodeOf(runSyncSession(run.options))).toBe('NO_FINAL');
  });
});
