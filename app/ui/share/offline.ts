/**
 * Registers the service worker (public/sw.js) in production builds only: in development it
 * would serve stale modules. Not inside an iframe: an embed leaves caching to the full app.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD) return;
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  if (window.top !== window.self) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Offline support is a bonus: the app works the same without it.
    });
  };
  // After the page's own loading, so the worker's downloads do not compete with it.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
