/**
 * The change feed of one register: the dispatcher publishes a ChangeEvent after every call that
 * changed the register; the HTTP host streams them to desks (Server-Sent Events) and the Electron
 * shell forwards them to its window.
 */
import { EventEmitter } from 'node:events';
import type { ChangeEvent } from '../../../shared/api/effects';

export class ChangeHub {
  private readonly emitter = new EventEmitter();

  constructor() {
    // One listener per open desk page; 25 desks with a few pages each is well past the default 10.
    this.emitter.setMaxListeners(0);
  }

  publish(event: ChangeEvent): void {
    this.emitter.emit('change', event);
  }

  subscribe(listener: (event: ChangeEvent) => void): () => void {
    this.emitter.on('change', listener);
    return () => {
      this.emitter.off('change', listener);
    };
  }

  get listeners(): number {
    return this.emitter.listenerCount('change');
  }
}
