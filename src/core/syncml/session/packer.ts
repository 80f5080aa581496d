/** Fills one outgoing message up to the peer's MaxMsgSize, counting UTF-8 bytes of the final XML. */
import { utf8Length } from '../bytes.js';
import { serializeCommand, serializeEnvelope } from '../codec/serialize.js';
import type { SyncHdr, SyncMLCommand } from '../model.js';

/** Room we keep free: the peer's parser and our estimate must never disagree on the last bytes. */
const SAFETY_BYTES = 128;

export class MessagePacker {
  private readonly parts: string[] = [];
  private used: number;
  private cmdCounter = 0;
  readonly budget: number;

  constructor(
    private readonly header: SyncHdr,
    maxMsgSize: number,
  ) {
    this.budget = maxMsgSize - SAFETY_BYTES;
    this.used = utf8Length(serializeEnvelope(header, [], true));
  }

  nextCmdId(): string {
    this.cmdCounter += 1;
    return String(this.cmdCounter);
  }

  /** Takes back the last id handed out (a command that did not fit). */
  releaseCmdId(): void {
    this.cmdCounter -= 1;
  }

  get remaining(): number {
    return this.budget - this.used;
  }

  /** Room an empty message would have for commands. */
  get emptyCapacity(): number {
    return this.budget - utf8Length(serializeEnvelope(this.header, [], true));
  }

  fits(xml: string): boolean {
    return utf8Length(xml) <= this.remaining;
  }

  /** Adds a serialized command if it fits; `force` adds it anyway (the SyncHdr status must go). */
  tryAddXml(xml: string, force = false): boolean {
    const bytes = utf8Length(xml);
    if (!force && bytes > this.remaining) return false;
    this.parts.push(xml);
    this.used += bytes;
    return true;
  }

  tryAdd(cmd: SyncMLCommand, force = false): boolean {
    return this.tryAddXml(serializeCommand(cmd), force);
  }

  /** Reserves bytes for a container (Sync) whose children are added separately. */
  reserve(bytes: number): void {
    this.used += bytes;
  }

  /** Pushes a command whose bytes were already counted through reserve(). */
  pushReserved(xml: string): void {
    this.parts.push(xml);
  }

  isEmpty(): boolean {
    return this.parts.length === 0;
  }

  finish(final: boolean): string {
    return serializeEnvelope(this.header, this.parts, final);
  }
}
