/**
 * What jsdom lacks and the pane's code calls: matchMedia (Fluent's reduced-motion checks),
 * ResizeObserver (MessageBar reflow), scrollIntoView, and TextEncoder (the adapter measures
 * payloads with it). Minimal stand-ins; import this file first in every pane test.
 */
import { TextDecoder, TextEncoder } from 'node:util';
import { configure } from '@testing-library/react';

// findBy…/waitFor give up after 1 s by default: on a loaded two-core machine an evaluation of the
// sample takes longer than that. What they wait for is still required to appear.
configure({ asyncUtilTimeout: 10_000 });

class InertResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof globalThis.TextEncoder === 'undefined') {
  Object.assign(globalThis, { TextEncoder, TextDecoder });
}

if (typeof window !== 'undefined') {
  if (typeof window.matchMedia !== 'function') {
    Object.defineProperty(window, 'matchMedia', {
      configurable: true,
      value: (query: string): MediaQueryList =>
        ({
          matches: false,
          media: query,
          onchange: null,
          addListener: () => undefined,
          removeListener: () => undefined,
          addEventListener: () => undefined,
          removeEventListener: () => undefined,
          dispatchEvent: () => false,
        }) as MediaQueryList,
    });
  }
  if (typeof window.ResizeObserver !== 'function') {
    Object.defineProperty(window, 'ResizeObserver', { configurable: true, value: InertResizeObserver });
  }
  if (typeof Element.prototype.scrollIntoView !== 'function') {
    Element.prototype.scrollIntoView = () => undefined;
  }
}

export {};
