import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { count } from '../../charts/format';
import {
  type CategoryRow,
  DEFAULT_REVIEW_SORT,
  type FindingRow,
  findingsCountQuery,
  findingsQuery,
  type ReviewSelection,
  type ReviewSort,
  type ReviewSortKey,
  type RuleSummaryRow,
  reviewCategoriesQuery,
  ruleSummaryQuery,
} from '../../db/queries-review';
import { fill, type Messages } from '../../i18n';
import { store } from '../../store';
import { StatusMessage } from '../StatusMessage';
import { type QueryState, useQuery } from '../use-query';
import { type ExportFormat, exportReview } from './export';
import { FindingsTable } from './FindingsTable';
import { type ExportState, ReviewToolbar } from './ReviewToolbar';
import { RuleDetail, RuleList, ruleTitle } from './RuleList';
import { useLatestRows } from './use-latest';
import { usePagedRows } from './use-pages';
import './review.css';

function QueryFailed({ state, t }: { state: QueryState<unknown>; t: Messages }) {
  if (state.status !== 'error') return null;
  return <StatusMessage kind="error" title={t.queryFailed} detail={`${state.error}\n\n${state.sql}`} />;
}

/**
 * The review workbench (质量审查): every rule with its hits and budget at stake, the selected rule's
 * rationale, and the findings table (filtered and sorted in SQL, virtualised), exportable as review
 * comments. Selections live in the URL (`rule`, `category`, `q`) next to the shared filters.
 */
export function ReviewView({ t }: { t: Messages }) {
  const locale = useStore(store, (s) => s.locale);
  const filters = useStore(store, (s) => s.filters);
  const rule = useStore(store, (s) => s.route.rule);
  const category = useStore(store, (s) => s.route.category);
  const q = useStore(store, (s) => s.route.q);
  const [sort, setSort] = useState<ReviewSort>(DEFAULT_REVIEW_SORT);
  const [exporting, setExporting] = useState<ExportState>({ status: 'idle' });

  const sel: ReviewSelection = { filters, rule, category, q };
  const findingsSql = findingsQuery(sel, sort);
  const rulesState = useQuery<RuleSummaryRow>(ruleSummaryQuery(sel));
  const paged = usePagedRows<FindingRow>(
    findingsCountQuery(sel),
    (offset, limit) => findingsQuery(sel, sort, { offset, limit, total: false }),
    findingsSql,
  );
  const findingsState = paged.count;
  const categoriesState = useQuery<CategoryRow>(reviewCategoriesQuery(filters));
  const rules = useLatestRows(rulesState);
  const counted = useLatestRows(findingsState);
  const categories = useLatestRows(categoriesState) ?? [];

  const ruleTitles = useMemo(
    () => new Map((rules ?? []).map((r) => [r.rule_id, ruleTitle(r, locale)] as const)),
    [rules, locale],
  );
  const selectedRule = rules?.find((r) => r.rule_id === rule);
  const total = counted?.[0]?.total ?? 0;

  const onSort = (key: ReviewSortKey) =>
    setSort((prev) => (prev.key === key ? { key, desc: !prev.desc } : { key, desc: key === 'budget' }));

  const onExport = async (format: ExportFormat) => {
    const key = findingsSql;
    setExporting({ status: 'running', format });
    try {
      setExporting({ status: 'done', file: await exportReview(format, sel, sort), key });
    } catch (err) {
      setExporting({ status: 'error', error: err instanceof Error ? err.message : String(err), key });
    }
  };
  // A finished export's message belongs to the selection it was made for.
  const exportShown: ExportState =
    exporting.status !== 'idle' && exporting.status !== 'running' && exporting.key !== findingsSql
      ? { status: 'idle' }
      : exporting;

  return (
    <section className="review" aria-labelledby="review-title">
      <h2 id="review-title">{t.reviewTitle}</h2>
      <p className="review-muted review-intro">{t.reviewIntro}</p>
      <div className="review-top">
        <section
          className="review-panel"
          aria-labelledby="review-rules-title"
          aria-busy={rulesState.status === 'pending'}
        >
          <h3 id="review-rules-title">{t.reviewRules}</h3>
          <QueryFailed state={rulesState} t={t} />
          {rules === null && rulesState.status === 'pending' && <StatusMessage kind="loading" title={t.loadingRows} />}
          {rules && <RuleList rules={rules} selected={rule} locale={locale} t={t} />}
        </section>
        <section className="review-panel review-detail" aria-labelledby="review-detail-title" aria-live="polite">
          <h3 id="review-detail-title">{t.reviewRuleDetail}</h3>
          <RuleDetail ruleId={rule} rule={selectedRule} locale={locale} t={t} />
        </section>
      </div>
      <section
        className="review-findings"
        aria-labelledby="review-findings-title"
        aria-busy={findingsState.status === 'pending'}
        data-testid="review-findings"
      >
        <div className="review-findings-head">
          <h3 id="review-findings-title">{t.reviewFindings}</h3>
          <p className="review-total" data-testid="findings-total" data-total={total}>
            {counted === null ? '' : fill(t.reviewTotal, { n: count(total) })}
          </p>
          <p className="review-muted review-sort-hint">{t.reviewSortHint}</p>
        </div>
        <ReviewToolbar
          categories={categories}
          category={category}
          q={q}
          exporting={exportShown}
          onExport={(format) => void onExport(format)}
          t={t}
        />
        {exportShown.status === 'error' && (
          <StatusMessage kind="error" title={t.reviewExportFailed} detail={exportShown.error} />
        )}
        <QueryFailed state={findingsState} t={t} />
        {paged.error && <StatusMessage kind="error" title={t.queryFailed} detail={paged.error} />}
        {counted === null && findingsState.status === 'pending' && (
          <StatusMessage kind="loading" title={t.loadingRows} />
        )}
        {counted && total === 0 && (
          <div className="review-empty" data-testid="findings-empty">
            <StatusMessage kind="loading" title={t.reviewNoFindings} detail={t.reviewNoFindingsHint} />
          </div>
        )}
        {counted && total > 0 && (
          <FindingsTable
            total={total}
            rowAt={paged.rowAt}
            need={paged.need}
            sort={sort}
            onSort={onSort}
            ruleTitles={ruleTitles}
            resetKey={findingsSql}
            t={t}
          />
        )}
      </section>
    </section>
  );
}
