import { count, wan } from '../../charts/format';
import type { RuleSummaryRow } from '../../db/queries-review';
import { fill, type Locale, type Messages } from '../../i18n';
import { navigate } from '../../store';
import { TableHead } from '../TableHead';
import { categoryLabel } from './labels';
import { SeverityBadge } from './SeverityBadge';

/** A rule's title in the UI language. */
export function ruleTitle(rule: Pick<RuleSummaryRow, 'title_zh' | 'title_en'>, locale: Locale): string {
  return locale === 'en' ? rule.title_en : rule.title_zh;
}

/** The id of a rule's button in the list (focus returns there when the selection is cleared). */
export function ruleButtonId(ruleId: string): string {
  return `review-rule-${ruleId}`;
}

/** Props of {@link RuleList}. */
export interface RuleListProps {
  rules: readonly RuleSummaryRow[];
  selected: string | null;
  locale: Locale;
  t: Messages;
}

/** Every rule with its hits and budget at stake; a rule's title is a toggle button that filters the findings. */
export function RuleList({ rules, selected, locale, t }: RuleListProps) {
  return (
    <div className="review-rules-scroll">
      <table className="review-rules" data-testid="review-rules">
        <caption>{fill(t.reviewRulesCaption, { n: rules.length })}</caption>
        <TableHead
          columns={[
            t.reviewRule,
            t.reviewCategory,
            t.reviewColSeverity,
            { label: t.reviewHits, num: true },
            { label: t.reviewStake, num: true },
          ]}
        />
        <tbody>
          {rules.map((r) => {
            const on = r.rule_id === selected;
            const cls = [on ? 'selected' : '', r.hits === 0 ? 'review-no-hits' : ''].filter(Boolean).join(' ');
            return (
              <tr key={r.rule_id} data-rule={r.rule_id} data-hits={r.hits} className={cls || undefined}>
                <th scope="row">
                  <button
                    type="button"
                    id={ruleButtonId(r.rule_id)}
                    className="review-rule-button"
                    aria-pressed={on}
                    title={r.rule_id}
                    onClick={() => navigate({ rule: on ? null : r.rule_id })}
                  >
                    {ruleTitle(r, locale)}
                  </button>
                </th>
                <td className="review-nowrap">{categoryLabel(t, r.category)}</td>
                <td>
                  <SeverityBadge severity={r.severity} t={t} />
                </td>
                <td className="num" data-col="hits">
                  {count(r.hits)}
                </td>
                <td className="num" data-col="stake">
                  {wan(r.budget_wan)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Props of {@link RuleDetail}. */
export interface RuleDetailProps {
  /** The selected rule id (null: nothing selected). */
  ruleId: string | null;
  /** Its catalogue row, when the id is known. */
  rule: RuleSummaryRow | undefined;
  locale: Locale;
  t: Messages;
}

/** The selected rule's rationale and suggested fix, and the control that clears the selection. */
export function RuleDetail({ ruleId, rule, locale, t }: RuleDetailProps) {
  if (ruleId === null) return <p className="review-pick review-muted">{t.reviewPickRule}</p>;
  return (
    <div className="review-rule-detail" data-testid="rule-detail" data-rule={ruleId}>
      {rule ? (
        <>
          <h4>
            <SeverityBadge severity={rule.severity} t={t} /> {ruleTitle(rule, locale)}
          </h4>
          <dl>
            <dt>{t.reviewCategory}</dt>
            <dd>{categoryLabel(t, rule.category)}</dd>
            <dt>{t.reviewSource}</dt>
            <dd>{rule.source}</dd>
            <dt>{t.reviewHits}</dt>
            <dd>
              {count(rule.hits)}
              <span className="review-muted"> · </span>
              {t.reviewStake} {wan(rule.budget_wan)}
            </dd>
            <dt>{t.reviewRationale}</dt>
            <dd>{rule.rationale}</dd>
            <dt>{t.reviewSuggestion}</dt>
            <dd>{rule.suggestion}</dd>
          </dl>
        </>
      ) : (
        <p>{fill(t.reviewUnknownRule, { rule: ruleId })}</p>
      )}
      <button
        type="button"
        className="review-clear"
        data-testid="clear-rule"
        onClick={() => {
          navigate({ rule: null });
          document.getElementById(ruleButtonId(ruleId))?.focus();
        }}
      >
        {t.reviewClearRule}
      </button>
    </div>
  );
}
