import { useStore } from 'zustand';
import { familyBudgetOption, spreadOption } from '../../charts/families';
import { unitCost, wan } from '../../charts/format';
import {
  type FamilyProjectRow,
  type FamilyRow,
  familiesQuery,
  familyOptionsQuery,
  familyProjectsQuery,
  familyTargetsQuery,
  familyUnitCostsQuery,
  type Level3Option,
  level3OptionsQuery,
  type ProfileRow,
  type SpreadRow,
  spreadQuery,
  type TargetRow,
  type UnitCostRow,
  unitProfileQuery,
} from '../../db/queries-families';
import { fill, type Messages } from '../../i18n';
import { hrefFor, moveProjectToFamily, navigate, store } from '../../store';
import { EChart } from '../EChart';
import { Loaded } from '../Loaded';
import { follow } from '../Nav';
import { TableHead } from '../TableHead';
import { useQuery } from '../use-query';
import './families.css';

const CATEGORIES = ['数量指标', '质量指标', '时效指标', '成本指标', '服务对象满意度指标'];

/** Projects of different units that pay for the same thing, side by side (横向比较). */
export function FamiliesView({ t }: { t: Messages }) {
  const filters = useStore(store, (s) => s.filters);
  const locale = useStore(store, (s) => s.locale);
  const family = useStore(store, (s) => s.route.family);
  const families = useQuery<FamilyRow>(familiesQuery(filters));
  const name = (f: FamilyRow) => (f.family_id === null ? t.famUnmatched : locale === 'zh' ? f.family_zh : f.family_en);
  return (
    <div className="families" data-testid="families">
      <h2>{t.famTitle}</h2>
      <p className="hint">{t.famHint}</p>
      <div className="fam-layout">
        <nav className="fam-list" aria-label={t.famList}>
          <Loaded q={families} t={t}>
            {(rows) => (
              <ul>
                {rows.map((f) => {
                  const id = f.family_id ?? '__none';
                  return (
                    <li key={id}>
                      <a
                        href={hrefFor({ view: 'families', family: id })}
                        aria-current={family === id ? 'true' : undefined}
                        data-family={id}
                        onClick={(e) => follow(e, () => navigate({ family: id }))}
                      >
                        <span>{name(f)}</span>
                        <span className="fam-count">
                          {f.projects} {t.famProjects} · {f.units} {t.famUnits}
                        </span>
                      </a>
                    </li>
                  );
                })}
              </ul>
            )}
          </Loaded>
        </nav>
        <div className="fam-main">
          {family ? (
            <FamilyDetail t={t} familyId={family === '__none' ? null : family} />
          ) : (
            <p className="hint">{t.famChoose}</p>
          )}
          <UnitProfile t={t} />
        </div>
      </div>
    </div>
  );
}

function FamilyDetail({ t, familyId }: { t: Messages; familyId: string | null }) {
  const filters = useStore(store, (s) => s.filters);
  const locale = useStore(store, (s) => s.locale);
  const level2 = useStore(store, (s) => s.route.level2) ?? '质量指标';
  const projects = useQuery<FamilyProjectRow>(familyProjectsQuery(familyId, filters));
  const options = useQuery<{ family_id: string; name_zh: string; name_en: string }>(familyOptionsQuery());
  const targets = useQuery<TargetRow>(familyId ? familyTargetsQuery(familyId, filters) : null);
  const costs = useQuery<UnitCostRow>(familyId ? familyUnitCostsQuery(familyId, filters) : null);
  const allUnits = useStore(store, (s) => s.route.allProjects);
  const level3 = useStore(store, (s) => s.route.level3);
  const spreadFamily = allUnits ? null : familyId;
  const level3s = useQuery<Level3Option>(familyId ? level3OptionsQuery(level2, spreadFamily, filters) : null);
  const spread = useQuery<SpreadRow>(familyId ? spreadQuery(level2, level3, spreadFamily, filters) : null);
  const opts = options.status === 'ready' ? options.rows : [];
  return (
    <>
      <section aria-labelledby="fam-projects">
        <h3 id="fam-projects">{t.famProjects}</h3>
        <Loaded q={projects} t={t}>
          {(rows) => (
            <>
              {familyId && (
                <EChart
                  option={familyBudgetOption(rows, t.famBudget)}
                  label={t.famBudget}
                  height={Math.max(160, rows.length * 46 + 40)}
                  testId="chart-family-budget"
                  exportLabel={t.exportPng}
                />
              )}
              <table className="data" data-testid="family-projects">
                <TableHead
                  columns={[t.colDepartment, t.colName, { label: t.colBudget, num: true }, t.famReason, t.famMove]}
                />
                <tbody>
                  {rows.map((p) => (
                    <tr key={p.project_id} data-project={p.project_id}>
                      <td>
                        {p.department}（{p.year}）
                      </td>
                      <th scope="row">
                        <a
                          href={hrefFor({ view: 'project', project: p.project_id })}
                          onClick={(e) => follow(e, () => navigate({ view: 'project', project: p.project_id }))}
                        >
                          {p.seq}. {p.name}
                        </a>
                      </th>
                      <td className="num">{wan(p.budget_wan)}</td>
                      <td className="small">
                        {p.how ? `${p.how}：` : ''}
                        {p.reason ?? '—'}
                      </td>
                      <td>
                        <select
                          aria-label={`${t.famMove}：${p.name}`}
                          value={p.how === '手动调整' ? (p.family_id ?? '') : ''}
                          onChange={(e) => void moveProjectToFamily(p.project_id, e.target.value || null)}
                        >
                          <option value="">{t.famKeywordsAuto}</option>
                          {opts.map((o) => (
                            <option key={o.family_id} value={o.family_id}>
                              {locale === 'zh' ? o.name_zh : o.name_en}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {familyId && targets.status === 'ready' && <Targets t={t} projects={rows} targets={targets.rows} />}
            </>
          )}
        </Loaded>
      </section>
      {familyId && (
        <section aria-labelledby="fam-costs">
          <h3 id="fam-costs">{t.famUnitCosts}</h3>
          <Loaded q={costs} t={t}>
            {(rows) => (
              <table className="data" data-testid="unit-costs">
                <TableHead
                  columns={[
                    t.colDepartment,
                    t.colName,
                    { label: t.colBudget, num: true },
                    t.famQuantity,
                    { label: t.famUnitCost, num: true },
                    { label: t.famMedian, num: true },
                    t.famFlag,
                  ]}
                />
                <tbody>
                  {rows.map((c) => (
                    <tr key={c.project_id} className={c.outlier ? 'outlier' : undefined} data-project={c.project_id}>
                      <td>{c.department}</td>
                      <td>{c.name}</td>
                      <td className="num">{wan(c.budget_wan)}</td>
                      <td>
                        {c.quantity_name} {c.quantity_raw}
                      </td>
                      <td className="num" data-col="unit-cost">
                        {unitCost(c.unit_cost_wan)}/{c.quantity_unit ?? ''}
                      </td>
                      <td className="num">{unitCost(c.family_median_wan)}</td>
                      <td>{flag(c, t)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Loaded>
        </section>
      )}
      {familyId && (
        <section aria-labelledby="fam-spread">
          <h3 id="fam-spread">{t.famSpread}</h3>
          <label className="fam-spread-select">
            {t.famSpreadOf}{' '}
            <select
              value={level2}
              onChange={(e) => navigate({ level2: e.target.value, level3: null })}
              data-testid="spread-level2"
            >
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <label className="fam-spread-select">
            {t.famSpreadName}{' '}
            <select
              value={level3 ?? ''}
              onChange={(e) => navigate({ level3: e.target.value || null })}
              data-testid="spread-level3"
            >
              <option value="">{t.famSpreadAllNames}</option>
              {level3 && !(level3s.status === 'ready' && level3s.rows.some((o) => o.level3_norm === level3)) && (
                <option value={level3}>{level3}</option>
              )}
              {(level3s.status === 'ready' ? level3s.rows : []).map((o) => (
                <option key={o.level3_norm} value={o.level3_norm}>
                  {`${o.level3_norm}（${o.units} ${t.famUnitsShort}）`}
                </option>
              ))}
            </select>
          </label>
          <label className="fam-spread-select">
            <input
              type="checkbox"
              checked={allUnits}
              onChange={(e) => navigate({ allProjects: e.target.checked, level3: null })}
              data-testid="spread-all"
            />{' '}
            {t.famAllProjects}
          </label>
          <Loaded q={spread} t={t}>
            {(rows) => (
              <EChart
                option={spreadOption(rows, rows[0]?.value_unit ?? '')}
                label={`${t.famSpread}：${level3 ?? level2}`}
                height={Math.max(160, new Set(rows.map((r) => r.department)).size * 44 + 60)}
                testId="chart-spread"
                exportLabel={t.exportPng}
              />
            )}
          </Loaded>
        </section>
      )}
    </>
  );
}

function flag(c: UnitCostRow, t: Messages): string {
  if (c.peers < 2 || c.ratio_to_median === null) return t.famAlone;
  const x = (Math.round(c.ratio_to_median * 100) / 100).toString();
  if (c.outlier) return fill(c.ratio_to_median > 1 ? t.famHigher : t.famLower, { x });
  return t.famNormal;
}

function Targets({ t, projects, targets }: { t: Messages; projects: FamilyProjectRow[]; targets: TargetRow[] }) {
  const cell = (projectId: string, level2: string) =>
    targets.find((x) => x.project_id === projectId && x.level2 === level2);
  return (
    <div className="table-scroll">
      <table className="data fam-targets" data-testid="family-targets">
        <caption>{t.famTargets}</caption>
        <thead>
          <tr>
            <th scope="col">{t.prjLevel2}</th>
            {projects.map((p) => (
              <th key={p.project_id} scope="col">
                {p.department}
                <br />
                <span className="small">{p.name}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {CATEGORIES.map((c) => (
            <tr key={c}>
              <th scope="row">{c}</th>
              {projects.map((p) => {
                const x = cell(p.project_id, c);
                return (
                  <td key={p.project_id}>
                    {x ? (
                      <>
                        <strong>
                          <bdi>{x.value_raw}</bdi>
                        </strong>
                        <span className="small">{x.level3}</span>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UnitProfile({ t }: { t: Messages }) {
  const filters = useStore(store, (s) => s.filters);
  const q = useQuery<ProfileRow>(unitProfileQuery(filters));
  const vs = (v: number, median: number) => `${v}（${t.famPeerMedian} ${Math.round(median * 10) / 10}）`;
  return (
    <section aria-labelledby="fam-profile">
      <h3 id="fam-profile">{t.famProfile}</h3>
      <Loaded q={q} t={t}>
        {(rows) => (
          <table className="data" data-testid="unit-profile">
            <TableHead
              columns={[
                t.colDepartment,
                { label: t.colScore, num: true },
                { label: `${t.famUnmeasurable} %`, num: true },
                { label: `${t.famDirection} %`, num: true },
                { label: t.famBoilerplate, num: true },
              ]}
            />
            <tbody>
              {rows.map((r) => (
                <tr key={r.doc_id}>
                  <th scope="row">
                    {r.department}（{r.year}）
                  </th>
                  <td className="num">{vs(r.score, r.peer_median_score)}</td>
                  <td className="num">{vs(r.unmeasurable_pct, r.peer_median_unmeasurable_pct)}</td>
                  <td className="num">{vs(r.wrong_direction_pct, r.peer_median_wrong_direction_pct)}</td>
                  <td className="num">
                    {vs(r.boilerplate_per_100_projects, r.peer_median_boilerplate_per_100_projects)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </section>
  );
}
