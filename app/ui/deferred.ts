/**
 * Code the first screen can do without (the terminal's xterm.js, motion's animation features)
 * waits for the start-up to finish: what the page registered as its start-up work (the editor's
 * chunk on the full page; nothing in an embed), then the first paint and an idle moment, so it
 * never competes with the editor for the network and the main thread.
 */

let startup: Promise<unknown> = Promise.resolve();
let settled: Promise<void> | undefined;

/** Called once by the page's entry point, before the first render. */
export function setStartupWork(work: Promise<unknown>): void {
  startup = work.catch(() => undefined);
  settled = undefined;
}

/** The first contentful paint (or a second, if the browser never reports one). */
const firstPaint = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof PerformanceObserver !== 'function' || typeof performance === 'undefined')
      return resolve();
    if (performance.getEntriesByName('first-contentful-paint').length > 0) return resolve();
    const timer = setTimeout(done, 1000);
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length > 0) done();
    });
    function done() {
      clearTimeout(timer);
      observer.disconnect();
      resolve();
    }
    try {
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      done();
    }
  });

const idle = (timeout: number): Promise<void> =>
  new Promise((resolve) => {
    const ric = (globalThis as { requestIdleCallback?: typeof requestIdleCallback })
      .requestIdleCallback;
    if (ric) ric(() => resolve(), { timeout });
    else setTimeout(resolve, 0);
  });

/** Resolves once the start-up work is done and the page has painted and gone idle. */
export function afterStartup(): Promise<void> {
  settled ??= startup.then(firstPaint).then(() => idle(1000));
  return settled;
}

/** `import()` after the start-up: for React.lazy and LazyMotion. */
export function deferredImport<T>(load: () => Promise<T>): () => Promise<T> {
  return () => afterStartup().then(load);
}
