/**
 * Moving the keyboard to what an action produced: after "Chèn dữ liệu mẫu" the lists, after
 * "Đánh giá" the results. The pane asks once (a request it then clears); the section that owns the
 * heading brings it into view and focuses it, so focus never falls back to <body>.
 */
import { RefObject, useEffect, useRef } from 'react';

/** Where the pane asks focus to go next (null: nowhere). */
export type FocusRequest = 'lists' | 'results' | null;

/** Room kept above what the pane scrolls to (the notice has its own room above the scrolled part). */
export const SCROLL_MARGIN = '8px';

/**
 * A ref for a heading (give it tabIndex={-1}) that is scrolled to the top of the pane and focused
 * when `requested` turns true; `done` then clears the request.
 */
export function useFocusWhen(requested: boolean, done: () => void): RefObject<HTMLHeadingElement | null> {
  const ref = useRef<HTMLHeadingElement | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!requested || !el) return;
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
    done();
  }, [requested]);
  return ref;
}
