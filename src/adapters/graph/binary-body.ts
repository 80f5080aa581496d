/**
 * A binary request or response body (a contact photo). On its own it goes out as bytes with its media type;
 * inside a $batch as a base64 string with that type, which is how Graph's JSON batching carries binary bodies
 * (docs/decisions/0171-contact-photos.md).
 */
import { base64Decode, base64Encode } from '../../core/syncml/bytes.js';

export class BinaryBody {
  constructor(
    readonly contentType: string,
    /** The bytes, base64-encoded (the model keeps photos so). */
    readonly base64: string,
  ) {}

  static fromBytes(contentType: string, bytes: Uint8Array): BinaryBody {
    return new BinaryBody(contentType, base64Encode(bytes));
  }

  /** The bytes; empty when the base64 is damaged (Graph then refuses an empty image). */
  bytes(): Uint8Array {
    return base64Decode(this.base64) ?? new Uint8Array(0);
  }
}
