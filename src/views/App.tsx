import { useEffect, useState } from 'react';
import { SAMPLES } from '../data';
import { type Locale, messages } from '../i18n';
import { DocumentsTable } from './DocumentsTable';
import { StatusMessage } from './StatusMessage';
import { useParseResults } from './use-parse-results';

/** The dashboard: parses the embedded sample documents in a worker and lists them. */
export function App() {
  const [locale, setLocale] = useState<Locale>('zh');
  const t = messages(locale);
  const state = useParseResults(SAMPLES);

  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
    document.title = t.title;
  }, [locale, t.title]);

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
        {state.status === 'loading' && <StatusMessage kind="loading" title={t.loading} />}
        {state.status === 'error' && <StatusMessage kind="error" title={t.errorTitle} detail={state.error} />}
        {state.status === 'ready' && <DocumentsTable results={state.results} t={t} />}
      </main>
    </>
  );
}
