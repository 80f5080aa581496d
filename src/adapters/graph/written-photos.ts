/**
 * The photos the contact store has just written, until its next change round. That round (the delta read
 * after our writes, decision 0140) brings every contact we wrote back as an echo; without this the store would
 * read each photo it has just sent, a request per photo contact (docs/decisions/0171-contact-photos.md).
 *
 * Bounded: the photos are the engine's own strings (no copies), but a big first sync may let go of its items
 * before the round; past MAX_CHARS of base64 the store reads the rest back instead.
 */
import type { Photo } from '../../core/model/index.js';

const MAX_CHARS = 16_000_000;

export class WrittenPhotos {
  private readonly photos = new Map<string, Photo>();
  private chars = 0;

  remember(id: string, photo: Photo): void {
    if (this.chars + photo.base64.length > MAX_CHARS) return;
    this.chars += photo.base64.length - (this.photos.get(id)?.base64.length ?? 0);
    this.photos.set(id, photo);
  }

  get(id: string): Photo | undefined {
    return this.photos.get(id);
  }

  /** After a change round: what Outlook holds from then on is read from Outlook. */
  clear(): void {
    this.photos.clear();
    this.chars = 0;
  }
}
