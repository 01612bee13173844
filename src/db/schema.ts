/**
 * The analysis schema: one spec per table, from which the Arrow tables, the DDL and the README's
 * schema table are all made. Money columns carry their unit (`_wan` = 万元), shares `_pct`.
 */

export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** Unit of the values, if any (万元, %, 月). */
  unit?: string;
  doc: string;
}

export interface TableSpec {
  name: TableName;
  doc: string;
  columns: ColumnSpec[];
}

export type TableName =
  | 'documents'
  | 'projects'
  | 'schedule'
  | 'indicators'
  | 'objectives'
  | 'subgoals'
  | 'measures'
  | 'diagnostics';

const col = (name: string, type: ColumnType, doc: string, unit?: string): ColumnSpec =>
  unit ? { name, type, doc, unit } : { name, type, doc };

/** Columns every row carries so analysts can filter without joins. */
const SCOPE: ColumnSpec[] = [
  col('doc_id', 'VARCHAR', 'document id (file name without extension)'),
  col('year', 'INTEGER', 'budget year'),
  col('region', 'VARCHAR', '县/市/区'),
  col('department', 'VARCHAR', '部门'),
];

const PROJECT_SCOPE: ColumnSpec[] = [
  col('project_id', 'VARCHAR', 'project id: `<doc_id>#<seq>`'),
  ...SCOPE,
  col('unit_code', 'VARCHAR', '预算单位 code'),
  col('seq', 'INTEGER', 'table number in the document'),
];

export const TABLES: TableSpec[] = [
  {
    name: 'documents',
    doc: 'one row per parsed document (部门预算绩效文本)',
    columns: [
      ...SCOPE,
      col('file', 'VARCHAR', 'source file name'),
      col('year_inferred', 'BOOLEAN', 'true when the year was inferred (no title page)'),
      col('region_code', 'VARCHAR', '6-digit region code from the project codes'),
      col('layout', 'VARCHAR', 'layout family the tables were read with'),
      col('overall_goal', 'VARCHAR', '一、总体绩效目标'),
      col('project_count', 'INTEGER', 'number of 绩效目标表'),
      col('indicator_count', 'INTEGER', 'number of indicator rows'),
      col('budget_wan', 'DOUBLE', 'sum of project budgets', '万元'),
      col('error_count', 'INTEGER', 'parse diagnostics of severity error'),
      col('warning_count', 'INTEGER', 'parse diagnostics of severity warning'),
    ],
  },
  {
    name: 'projects',
    doc: 'one row per 绩效目标表 (budget project)',
    columns: [
      ...PROJECT_SCOPE,
      col('unit_name', 'VARCHAR', '预算单位 name'),
      col('code', 'VARCHAR', '项目编码 (may repeat across years, never relied on alone)'),
      col('name', 'VARCHAR', '项目名称'),
      col('budget_wan', 'DOUBLE', '预算数', '万元'),
      col('fiscal_wan', 'DOUBLE', '其中：财政资金', '万元'),
      col('other_wan', 'DOUBLE', '其他资金 (NULL when blank)', '万元'),
      col('purpose', 'VARCHAR', '资金用途'),
      col('schedule_kind', 'VARCHAR', "'percent', 'amount' or 'none': how the schedule was printed"),
      col('objectives', 'VARCHAR', '绩效目标, numbered items joined by newlines'),
      col('indicator_count', 'INTEGER', 'number of indicator rows'),
      col('line', 'INTEGER', 'source line where the table starts'),
    ],
  },
  {
    name: 'schedule',
    doc: 'spending schedule in long form: one row per project and month (3, 6, 10, 12)',
    columns: [
      ...PROJECT_SCOPE,
      col('month', 'INTEGER', 'end of month: 3, 6, 10 or 12', '月'),
      col('printed', 'VARCHAR', 'cell as printed, NULL when not printed'),
      col('share_pct', 'DOUBLE', 'cumulative share of the budget spent by then', '%'),
      col('amount_wan', 'DOUBLE', 'cumulative amount (printed, or share × budget)', '万元'),
    ],
  },
  {
    name: 'indicators',
    doc: 'one row per indicator row of a 绩效目标表',
    columns: [
      col('indicator_id', 'VARCHAR', 'indicator id: `<project_id>#<row_no>`'),
      ...PROJECT_SCOPE,
      col('row_no', 'INTEGER', '0-based row within the project'),
      col('level1', 'VARCHAR', '一级指标'),
      col('level2', 'VARCHAR', '二级指标'),
      col('level3', 'VARCHAR', '三级指标 (indicator name)'),
      col('description', 'VARCHAR', '绩效指标描述'),
      col('value_raw', 'VARCHAR', '指标值 as printed'),
      col('comparator', 'VARCHAR', '≥ ≤ > < = or NULL'),
      col('value_num', 'DOUBLE', 'number of the value, NULL for dates and words'),
      col('value_unit', 'VARCHAR', 'unit after the number (%, 次, 万元 …)'),
      col('value_kind', 'VARCHAR', "'number', 'percent', 'money', 'date', 'text' or 'empty'"),
      col('basis', 'VARCHAR', '指标值确定依据'),
      col('line', 'INTEGER', 'source line of the row'),
    ],
  },
  {
    name: 'objectives',
    doc: 'one row per numbered 绩效目标 of a project',
    columns: [
      ...PROJECT_SCOPE,
      col('item_no', 'INTEGER', '1-based item number'),
      col('text', 'VARCHAR', 'objective text'),
    ],
  },
  {
    name: 'subgoals',
    doc: 'Part 1 二、分项绩效目标: one row per sub-goal',
    columns: [
      ...SCOPE,
      col('item_no', 'INTEGER', '1-based item number'),
      col('title', 'VARCHAR', 'sub-goal title'),
      col('goal', 'VARCHAR', '绩效目标 text'),
      col('indicators', 'VARCHAR', '绩效指标 text'),
    ],
  },
  {
    name: 'measures',
    doc: 'Part 1 三、工作保障措施: one row per measure',
    columns: [...SCOPE, col('item_no', 'INTEGER', '1-based item number'), col('text', 'VARCHAR', 'measure text')],
  },
  {
    name: 'diagnostics',
    doc: 'parse diagnostics: what the parser skipped, inferred or found inconsistent',
    columns: [
      ...SCOPE,
      col('severity', 'VARCHAR', "'error', 'warning' or 'info'"),
      col('code', 'VARCHAR', 'diagnostic code, e.g. SCHEDULE_CELLS_MISSING'),
      col('message', 'VARCHAR', 'message (Chinese)'),
      col('line', 'INTEGER', 'source line or NULL'),
      col('seq', 'INTEGER', 'table number or NULL'),
      col('project_id', 'VARCHAR', 'project id or NULL'),
    ],
  },
];

/** Looks a table spec up by name. */
export function tableSpec(name: TableName): TableSpec {
  const spec = TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`invalid table: ${name}`);
  return spec;
}
