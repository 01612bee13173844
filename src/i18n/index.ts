/** UI languages. */
export type Locale = 'zh' | 'en';

const zh = {
  title: '绩效透视 Target Lens',
  tagline: '部门预算绩效文本解析',
  switchLocale: 'English',
  loading: '正在解析文档…',
  errorTitle: '解析失败',
  documents: '文档',
  documentsCaption: '内置样例文档 {n} 份；展开一行可查看项目与诊断。',
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
};

/** Message keys shared by every locale. */
export type MessageKey = keyof typeof zh;

/** zh/en message tables; `en` must define every key of `zh`. */
export const MESSAGES: Record<Locale, Record<MessageKey, string>> = {
  zh,
  en: {
    title: 'Target Lens 绩效透视',
    tagline: 'Budget performance targets, parsed',
    switchLocale: '中文',
    loading: 'Parsing documents…',
    errorTitle: 'Parsing failed',
    documents: 'Documents',
    documentsCaption: '{n} embedded sample documents; expand a row to see its projects and diagnostics.',
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
