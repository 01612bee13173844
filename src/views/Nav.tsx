import type { MouseEvent } from 'react';
import { useStore } from 'zustand';
import type { Messages } from '../i18n';
import { hrefFor, navigate, store, type ViewId } from '../store';

const TABS: {
  view: ViewId;
  key: 'navOverview' | 'navReview' | 'navDepartments' | 'navFamilies' | 'navYears' | 'navConsole' | 'navDocuments';
}[] = [
  { view: 'overview', key: 'navOverview' },
  { view: 'review', key: 'navReview' },
  { view: 'departments', key: 'navDepartments' },
  { view: 'families', key: 'navFamilies' },
  { view: 'years', key: 'navYears' },
  { view: 'console', key: 'navConsole' },
  { view: 'documents', key: 'navDocuments' },
];

/** Follows an in-app link without reloading; modified clicks (new tab) keep the browser's behaviour. */
export function follow(e: MouseEvent, go: () => void): void {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  go();
}

/** The main navigation: real links (copyable, middle-clickable), keyboard reachable. */
export function Nav({ t }: { t: Messages }) {
  const view = useStore(store, (s) => s.route.view);
  const filters = useStore(store, (s) => s.filters);
  const current = view === 'project' ? 'departments' : view;
  return (
    <nav aria-label={t.navLabel} className="main-nav" data-filters={JSON.stringify(filters)}>
      {TABS.map((tab) => (
        <a
          key={tab.view}
          href={hrefFor({ view: tab.view })}
          aria-current={current === tab.view ? 'page' : undefined}
          data-testid={`nav-${tab.view}`}
          onClick={(e) => follow(e, () => navigate({ view: tab.view }))}
        >
          {t[tab.key]}
        </a>
      ))}
    </nav>
  );
}
