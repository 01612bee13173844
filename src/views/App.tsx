import { useEffect } from 'react';
import { useStore } from 'zustand';
import { type Messages, messages } from '../i18n';
import { hrefFor, navigate, setLocale, startApp, store, syncWithUrl } from '../store';
import { ConsoleView } from './console/ConsoleView';
import { DocumentsTable } from './DocumentsTable';
import { DepartmentsView } from './departments/DepartmentsView';
import { ProjectView } from './departments/ProjectView';
import { FilterBar } from './FilterBar';
import { FamiliesView } from './families/FamiliesView';
import { DropZone } from './import/DropZone';
import { ImportPanel, ImportProgress } from './import/ImportPanel';
import { ImportReportView } from './import/ImportReportView';
import { LibraryPanel } from './import/LibraryPanel';
import { follow, Nav } from './Nav';
import { Notices } from './Notices';
import { OverviewView } from './overview/OverviewView';
import { ReviewView } from './review/ReviewView';
import { StatusMessage } from './StatusMessage';
import { ViewBoundary } from './ViewBoundary';
import { YearsView } from './years/YearsView';

/** The dashboard: starts DuckDB, loads the dataset, then shows the view the URL names. */
export function App() {
  const locale = useStore(store, (s) => s.locale);
  const engine = useStore(store, (s) => s.engine);
  const view = useStore(store, (s) => s.route.view);
  const documents = useStore(store, (s) => s.documents);
  const summary = useStore(store, (s) => s.summary);
  const dataVersion = useStore(store, (s) => s.dataVersion);
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
        {view !== 'documents' && <HeaderImportStatus t={t} />}
        <button type="button" className="locale" onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')}>
          {t.switchLocale}
        </button>
      </header>
      {engine.status === 'ready' && <DropZone t={t} />}
      <main>
        <Notices t={t} />
        {engine.status === 'starting' && <StatusMessage kind="loading" title={`${t.loading}${progress}`} />}
        {engine.status === 'loading' && <StatusMessage kind="loading" title={`${t.loadingData}${progress}`} />}
        {engine.status !== 'ready' && view === 'overview' && summary && <OverviewView t={t} />}
        {engine.status === 'error' && <StatusMessage kind="error" title={t.errorTitle} detail={engine.error ?? ''} />}
        {engine.status === 'ready' && (
          <ViewBoundary t={t} resetKey={`${view}:${dataVersion}`}>
            {view !== 'console' && view !== 'documents' && (
              <FilterBar t={t} severity={view === 'review'} year={view !== 'years'} />
            )}
            {view === 'overview' && <OverviewView t={t} />}
            {view === 'review' && <ReviewView t={t} />}
            {view === 'departments' && <DepartmentsView t={t} />}
            {view === 'project' && <ProjectView t={t} />}
            {view === 'families' && <FamiliesView t={t} />}
            {view === 'years' && <YearsView t={t} />}
            {view === 'console' && <ConsoleView t={t} />}
            {view === 'documents' && (
              <section aria-labelledby="documents-title">
                <h2 id="documents-title">{t.documents}</h2>
                <ImportPanel t={t} />
                <ImportReportView t={t} />
                <LibraryPanel t={t} />
                <DocumentsTable documents={documents} t={t} />
              </section>
            )}
          </ViewBoundary>
        )}
      </main>
    </>
  );
}

/** A running or just finished import, visible from every view; links to the report on the documents page. */
function HeaderImportStatus({ t }: { t: Messages }) {
  const status = useStore(store, (s) => s.importing.status);
  if (status === 'idle') return null;
  return (
    <div className="header-import">
      <ImportProgress t={t} />{' '}
      <a href={hrefFor({ view: 'documents' })} onClick={(e) => follow(e, () => navigate({ view: 'documents' }))}>
        {t.importReport}
      </a>
    </div>
  );
}
