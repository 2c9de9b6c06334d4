/**
 * The pane's page also runs hidden: with a shared runtime (manifest: one Runtime, lifetime
 * "long") Excel loads it without showing it whenever a CCHC.* formula is calculated. The pane
 * must not read the workbook then, so it starts (and finds the lists) only once it is shown.
 *
 * Office tells the page when it is shown or hidden through `Office.addin.onVisibilityModeChanged`
 * (SharedRuntime 1.1; `Office.VisibilityMode` "Taskpane" / "Hidden" in @types/office-js, and
 * https://learn.microsoft.com/javascript/api/office/office.visibilitymode). There is no getter for
 * the mode at load, so the page's own signals decide then: a hidden runtime has a hidden
 * document or a frame with no size. Office.js is passed in (`addin`), never reached for here.
 */

/** The part of `Office.addin` used here. */
export interface VisibilityEvents {
  onVisibilityModeChanged(handler: (message: { visibilityMode: string }) => void): Promise<() => Promise<void>>;
}

/** The part of `window` used here. */
export interface PageView {
  readonly document: {
    readonly visibilityState: string;
    addEventListener(type: 'visibilitychange', listener: () => void): void;
    removeEventListener(type: 'visibilitychange', listener: () => void): void;
  };
  readonly innerWidth: number;
  readonly innerHeight: number;
  addEventListener(type: 'resize', listener: () => void): void;
  removeEventListener(type: 'resize', listener: () => void): void;
}

/** Office.VisibilityMode.taskpane. */
export const TASKPANE_MODE = 'Taskpane';

/** Whether the page is on screen by its own signals. */
export function pageShown(view: PageView): boolean {
  return view.document.visibilityState === 'visible' && view.innerWidth > 0 && view.innerHeight > 0;
}

/**
 * Calls `start` once, as soon as the pane is shown: now if it is, else when Office says the pane
 * became a task pane (or the page's own signals say it is on screen). Without `addin` (a host
 * without the shared runtime, which never loads the page hidden) it starts now.
 */
export function whenPaneShown(addin: VisibilityEvents | undefined, view: PageView, start: () => void): void {
  let started = false;
  let stopOffice: (() => Promise<void>) | null = null;
  const begin = () => {
    if (started) return;
    started = true;
    view.removeEventListener('resize', onPageChange);
    view.document.removeEventListener('visibilitychange', onPageChange);
    if (stopOffice) void stopOffice().catch(() => undefined);
    start();
  };
  const onPageChange = () => {
    if (pageShown(view)) begin();
  };
  if (!addin || pageShown(view)) return begin();
  view.addEventListener('resize', onPageChange);
  view.document.addEventListener('visibilitychange', onPageChange);
  addin
    .onVisibilityModeChanged((message) => {
      if (message.visibilityMode === TASKPANE_MODE) begin();
    })
    .then(
      (stop) => {
        if (started) void stop().catch(() => undefined);
        else stopOffice = stop;
      },
      () => begin(), // the event cannot be had: better a pane that reads than a blank one
    );
}
