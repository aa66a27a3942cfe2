import type { HostToWebview } from '../../src/webview/protocol';
import { clear, h } from './dom';

/** The message area at the top of a page: errors are announced (role=alert), notices politely. */
export class Banner {
  readonly element = h('div', { class: 'banner', hidden: true });

  error(message: string): void {
    this.#show('error', message, 'alert');
  }

  notice(message: string): void {
    this.#show('notice', message, 'status');
  }

  /** Shows the host's `error` and `notice` messages, which every page treats alike; says whether it did. */
  handle(message: HostToWebview): boolean {
    if (message.type === 'error') this.error(message.message);
    else if (message.type === 'notice') this.notice(message.message);
    else return false;
    return true;
  }

  clear(): void {
    this.element.hidden = true;
    clear(this.element);
  }

  #show(kind: string, message: string, role: string): void {
    this.element.className = `banner ${kind}`;
    this.element.setAttribute('role', role);
    this.element.replaceChildren(h('span', {}, message));
    this.element.hidden = false;
  }
}
