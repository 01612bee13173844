import consoleMessages from './console';
import families from './families';
import imports from './imports';
import overview from './overview';
import pages from './pages';
import review from './review';
import shell from './shell';
import years from './years';

/** UI languages. */
export type Locale = 'zh' | 'en';

const core = {
  title: '绩效透视 Target Lens',
  tagline: '部门预算绩效文本解析',
  switchLocale: 'English',
  loading: '正在启动分析引擎…',
  loadingData: '正在载入数据…',
  loadingRows: '正在查询…',
  errorTitle: '启动失败',
  queryFailed: '查询失败',
  documents: '文档',
  documentsCaption: '文档 {n} 份；展开一行可查看项目与诊断。',
  file: '文件',
  department: '部门',
  region: '地区',
  year: '年度',
  inferred: '推断',
  projectCount: '项目数',
  budgetTotal: '预算合计（万元）',
  diagnosticCount: '诊断数',
  projects: '项目',
  seq: '序号',
  code: '项目编码',
  name: '项目名称',
  budget: '预算数（万元）',
  indicatorCount: '指标数',
  noProjects: '未解析出项目。',
  diagnostics: '诊断',
  noDiagnostics: '无诊断。',
  error: '错误',
  warning: '警告',
  info: '提示',
  line: '行',
  show: '展开',
  hide: '收起',
  unknown: '—',
  sqlTitle: 'SQL 查询',
  sqlHint:
    '在本机 DuckDB 中查询：documents、projects、schedule、indicators、objectives、subgoals、measures、diagnostics 表及 department_summary 等视图。Ctrl+Enter 运行。',
  sqlLabel: 'SQL 语句',
  run: '运行',
  running: '运行中…',
  rowsShown: '共 {n} 行',
  rowsCapped: '共 {n} 行，显示前 {shown} 行',
  sqlError: '查询出错',
};

/** Feature message tables live beside this file (one module per view); each has the same keys in zh and en. */
const zh = {
  ...core,
  ...shell.zh,
  ...overview.zh,
  ...review.zh,
  ...consoleMessages.zh,
  ...pages.zh,
  ...families.zh,
  ...imports.zh,
  ...years.zh,
};

/** Message keys shared by every locale. */
export type MessageKey = keyof typeof zh;

/** A locale's message table. */
export type Messages = Record<MessageKey, string>;

/** zh/en message tables; `en` must define every key of `zh`. */
export const MESSAGES: Record<Locale, Record<MessageKey, string>> = {
  zh,
  en: {
    ...shell.en,
    ...overview.en,
    ...review.en,
    ...consoleMessages.en,
    ...pages.en,
    ...families.en,
    ...imports.en,
    ...years.en,
    title: 'Target Lens 绩效透视',
    tagline: 'Budget performance targets, parsed',
    switchLocale: '中文',
    loading: 'Starting the analysis engine…',
    loadingData: 'Loading data…',
    loadingRows: 'Querying…',
    errorTitle: 'Start-up failed',
    queryFailed: 'Query failed',
    documents: 'Documents',
    documentsCaption: '{n} documents; expand a row to see its projects and diagnostics.',
    file: 'File',
    department: 'Department',
    region: 'Region',
    year: 'Year',
    inferred: 'inferred',
    projectCount: 'Projects',
    budgetTotal: 'Budget total (10k yuan)',
    diagnosticCount: 'Diagnostics',
    projects: 'Projects',
    seq: 'No.',
    code: 'Project code',
    name: 'Project name',
    budget: 'Budget (10k yuan)',
    indicatorCount: 'Indicators',
    noProjects: 'No projects were parsed.',
    diagnostics: 'Diagnostics',
    noDiagnostics: 'No diagnostics.',
    error: 'error',
    warning: 'warning',
    info: 'info',
    line: 'line',
    show: 'Show',
    hide: 'Hide',
    unknown: '—',
    sqlTitle: 'SQL query',
    sqlHint:
      'Query the local DuckDB: tables documents, projects, schedule, indicators, objectives, subgoals, measures, diagnostics and views such as department_summary. Ctrl+Enter runs.',
    sqlLabel: 'SQL statement',
    run: 'Run',
    running: 'Running…',
    rowsShown: '{n} rows',
    rowsCapped: '{n} rows, first {shown} shown',
    sqlError: 'Query error',
  },
};

/** Returns the message table for `locale`. */
export function messages(locale: Locale): Record<MessageKey, string> {
  return MESSAGES[locale];
}

/** Replaces `{name}` placeholders in a message with `values[name]`. */
export function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
