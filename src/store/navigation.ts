import { type Filters, parseSearch, type Route, toSearch } from './route';
import { store } from './store';

/**
 * Keeps route and filters in the URL: every change pushes a history entry (so a copied link opens
 * the same view and Back works), and Back/Forward restore the state from the URL.
 */
export function syncWithUrl(win: Window = window): () => void {
  const fromUrl = () => store.setState(parseSearch(win.location.search));
  fromUrl();
  const onPop = () => fromUrl();
  win.addEventListener('popstate', onPop);
  // Pushed right after the change's own work has started (a filter's queries are on their way to
  // the engine by then), and once for changes made together.
  let pending = false;
  const push = () => {
    pending = false;
    const s = store.getState();
    const search = toSearch(s.route, s.filters);
    if (search !== win.location.search) win.history.pushState(null, '', `${win.location.pathname}${search}`);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.route === prev.route && s.filters === prev.filters) return;
    if (!pending) setTimeout(push, 0);
    pending = true;
  });
  return () => {
    win.removeEventListener('popstate', onPop);
    unsubscribe();
  };
}

/** Goes to a view (and its selection), keeping the filters. */
export function navigate(route: Partial<Route>): void {
  store.setState((s) => ({ route: { ...s.route, ...route } }));
}

/** Changes some filters, keeping the rest. */
export function setFilters(patch: Partial<Filters>): void {
  store.setState((s) => ({ filters: { ...s.filters, ...patch } }));
}

/** A link's href for a route, with the current filters. */
export function hrefFor(route: Partial<Route>): string {
  const s = store.getState();
  return toSearch({ ...s.route, ...route }, s.filters) || '?';
}
