import { useEffect } from 'react';
import { useStore } from 'zustand';
import { messages } from '../i18n';
import { setLocale, startApp, store } from '../store';
import { DocumentsTable } from './DocumentsTable';
import { ImportButton } from './ImportButton';
import { SqlPanel } from './SqlPanel';
import { StatusMessage } from './StatusMessage';

/** The dashboard: starts DuckDB, loads the dataset, lists documents, runs SQL. */
export function App() {
  const locale = useStore(store, (s) => s.locale);
  const engine = useStore(store, (s) => s.engine);
  const documents = useStore(store, (s) => s.documents);
  const t = messages(locale);

  useEffect(() => {
    void startApp();
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
        <button type="button" className="locale" onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')}>
          {t.switchLocale}
        </button>
      </header>
      <main>
        <h2>{t.documents}</h2>
        {engine.status === 'starting' && <StatusMessage kind="loading" title={`${t.loading}${progress}`} />}
        {engine.status === 'loading' && <StatusMessage kind="loading" title={t.loadingData} />}
        {engine.status === 'error' && <StatusMessage kind="error" title={t.errorTitle} detail={engine.error ?? ''} />}
        {engine.status === 'ready' && (
          <>
            <ImportButton t={t} />
            <DocumentsTable documents={documents} t={t} />
            <SqlPanel t={t} />
          </>
        )}
      </main>
    </>
  );
}
