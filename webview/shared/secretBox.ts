import type { KeyAddress } from '../../src/webview/protocol';
import { h } from './dom';
import { post } from './vscodeApi';

const MASK = '••••••••••••••••';
const shown = new Set<SecretBox>();

/**
 * A masked secret with Reveal and Copy. The value comes from the host only when Reveal is pressed,
 * lives in this element's text only, and is wiped when hidden again or when the page is hidden.
 * Copy is done by the host, so the value never has to come here for it.
 */
export class SecretBox {
  readonly element: HTMLElement;
  readonly #value = h('code', { class: 'secret-value', 'aria-label': 'secret, hidden' }, MASK);
  readonly #reveal: HTMLElement;

  constructor(
    private readonly key: KeyAddress,
    label: string,
  ) {
    this.#reveal = h('vscode-button', { secondary: true, 'aria-pressed': 'false', onclick: () => this.#toggle() }, 'Reveal');
    this.element = h(
      'div',
      { class: 'secret-box', role: 'group', 'aria-label': label },
      this.#value,
      h(
        'div',
        { class: 'buttons' },
        this.#reveal,
        h('vscode-button', { secondary: true, onclick: () => post({ type: 'copy-secret', key: this.key }) }, 'Copy'),
      ),
    );
  }

  /** The host answered Reveal. */
  show(keyId: string, value: string): void {
    if (keyId !== this.key.keyId) return;
    this.#value.textContent = value;
    this.#value.setAttribute('aria-label', 'secret');
    this.#value.classList.add('revealed');
    this.#reveal.textContent = 'Hide';
    this.#reveal.setAttribute('aria-pressed', 'true');
    shown.add(this);
  }

  hide(): void {
    this.#value.textContent = MASK;
    this.#value.setAttribute('aria-label', 'secret, hidden');
    this.#value.classList.remove('revealed');
    this.#reveal.textContent = 'Reveal';
    this.#reveal.setAttribute('aria-pressed', 'false');
    shown.delete(this);
  }

  #toggle(): void {
    if (shown.has(this)) this.hide();
    else post({ type: 'reveal-secret', key: this.key });
  }
}

/** Wipes every revealed secret; called when the page is hidden or unloaded. */
export function hideAllSecrets(): void {
  for (const box of [...shown]) box.hide();
}

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') hideAllSecrets();
});
window.addEventListener('pagehide', hideAllSecrets);
