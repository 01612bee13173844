import { useEffect } from 'react';
import { useStore } from 'zustand';
import { messages } from '../i18n';
import { setLocale, startApp, store, syncWithUrl } from '../store';
import { ConsoleView } from './console/ConsoleView';
import { DocumentsTable } from './DocumentsTable';
import { DepartmentsView } from './departments/DepartmentsView';
import { ProjectView } from './departments/ProjectView';
import { FilterBar } from './FilterBar';
import { FamiliesView } from './families/FamiliesView';
import { ImportButton } from './ImportButton';
import { Nav } from './Nav';
import { OverviewView } from './overview/OverviewView';
import { ReviewView } from './review/ReviewView';
import { StatusMessage } from './StatusMessage';

/** The dashboard: starts DuckDB, loads the dataset, then shows the view the URL names. */
export function App() {
  const locale = useStore(store, (s) => s.locale);
  const engine = useStore(store, (s) => s.engine);
  const view = useStore(store, (s) => s.route.view);
  const documents = useStore(store, (s) => s.documents);
  const summary = useStore(store, (s) => s.summary);
  const t = messages(locale);

  useEffect(() => {
    const stop = syncWithUrl();
    void startApp();
    return stop;
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
    document.title = t.title;
  }, [locale, t.title]);

  const progress = engine.progress !== null ? ` ${Math.round(engine.progress * 100)}%` : '';
  return (
    <>
      <header className="app-header">
        <div>
          <h1>{t.title}</h1>
          <p className="tagline">{t.tagline}</p>
        </div>
        <Nav t={t} />
        <button type="button" className="locale" onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')}>
          {t.switchLocale}
        </button>
      </header>
      <main>
        {engine.status === 'starting' && <StatusMessage kind="loading" title={`${t.loading}${progress}`} />}
        {engine.status === 'loading' && <StatusMessage kind="loading" title={t.loadingData} />}
        {engine.status !== 'ready' && view === 'overview' && summary && <OverviewView t={t} />}
        {engine.status === 'error' && <StatusMessage kind="error" title={t.errorTitle} detail={engine.error ?? ''} />}
        {engine.status === 'ready' && (
          <>
            {view !== 'console' && view !== 'documents' && <FilterBar t={t} severity={view === 'review'} />}
            {view === 'overview' && <OverviewView t={t} />}
            {view === 'review' && <ReviewView t={t} />}
            {view === 'departments' && <DepartmentsView t={t} />}
            {view === 'project' && <ProjectView t={t} />}
            {view === 'families' && <FamiliesView t={t} />}
            {view === 'console' && <ConsoleView t={t} />}
            {view === 'documents' && (
              <section aria-labelledby="documents-title">
                <h2 id="documents-title">{t.documents}</h2>
                <ImportButton t={t} />
                <DocumentsTable documents={documents} t={t} />
              </section>
            )}
          </>
        )}
      </main>
    </>
  );
}
