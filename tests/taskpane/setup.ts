/**
 * What jsdom lacks and the pane's code calls: matchMedia (Fluent's reduced-motion checks),
 * ResizeObserver (MessageBar reflow), scrollIntoView, and TextEncoder (the adapter measures
 * payloads with it). Minimal stand-ins; import this file first in every pane test.
 */
import { TextDecoder, TextEncoder } from 'node:util';
import { configure } from '@testing-library/dom';

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

// The pane's views load lazily (Results, Workspace); on a busy 2-core machine ts-jest's first
// transform of a view can take over the default 1 s that findBy* waits.
configure({ asyncUtilTimeout: 5000 });
