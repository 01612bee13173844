/** Amount in 万元 (10,000 yuan), as printed in 绩效目标表. */
export type WanYuan = number & { readonly _brand: 'wan_yuan' };

/** A share in percent (0-100), e.g. a cumulative spending-schedule share. */
export type Percent = number & { readonly _brand: 'percent' };

/** Comparator of a target value; `不低于`/`达到`/`以上` map to ≥, `不高于`/`以下` to ≤. */
export type Comparator = '≥' | '≤' | '>' | '<' | '=';

/** What a target value is made of. */
export type ValueKind = 'number' | 'percent' | 'money' | 'date' | 'text' | 'empty';

/** 指标值: the printed target value and what could be read from it. */
export interface IndicatorValue {
  /** The cell as printed (whitespace collapsed). */
  raw: string;
  op: Comparator | null;
  number: number | null;
  /** Unit after the number (`%`, `次`, `万元`, `年` …) or null. */
  unit: string | null;
  kind: ValueKind;
}

/** One indicator row of a 绩效目标表. */
export interface Indicator {
  /** 一级指标 (产出指标, 效益指标, 满意度指标, or 成本指标 in the 2021 variant). */
  level1: string;
  /** 二级指标 (数量指标, 质量指标 …). */
  level2: string;
  /** 三级指标: the indicator's name. */
  level3: string;
  /** 绩效指标描述. */
  description: string;
  value: IndicatorValue;
  /** 指标值确定依据. */
  basis: string;
  /** 1-based line in the source where the row starts. */
  line: number;
}

/** The four cumulative spending-schedule months (3月底, 6月底, 10月底, 12月底). */
export const SCHEDULE_MONTHS = [3, 6, 10, 12] as const;

/** 资金支出计划: cumulative spending by end of March, June, October, December. */
export interface Schedule {
  /** `percent` when the cells are shares, `amount` when cumulative 万元, `none` when no cell was printed. */
  kind: 'percent' | 'amount' | 'none';
  /** The four printed cells in month order; null where nothing was printed. */
  raw: [string | null, string | null, string | null, string | null];
  /** Cumulative shares in percent (amounts divided by the budget); null where absent. */
  percent: [Percent | null, Percent | null, Percent | null, Percent | null];
}

/** 预算数 / 其中：财政资金 / 其他资金, in 万元; null where the cell is blank or unreadable. */
export interface Budget {
  total: WanYuan | null;
  fiscal: WanYuan | null;
  other: WanYuan | null;
}

/** One 绩效目标表 (a budget project). */
export interface Project {
  /** Table number as printed in the title ("3." → 3). */
  seq: number;
  /** 预算单位 code, e.g. `434001`. */
  unitCode: string | null;
  /** 预算单位 name, e.g. `巨鹿县人民政府办公室本级`. */
  unitName: string | null;
  /** 项目编码, joined where it was split over lines. */
  code: string | null;
  /** 项目名称. */
  name: string;
  budget: Budget;
  /** 资金用途. */
  purpose: string;
  schedule: Schedule;
  /** 绩效目标, one entry per numbered objective. */
  objectives: string[];
  indicators: Indicator[];
  /** 1-based line where the table starts (its title, or the 项目编码 row). */
  line: number;
}

/** A Part-1 分项绩效目标. */
export interface SubGoal {
  title: string;
  goal: string;
  indicators: string;
}

/** Part 1 (部门整体绩效目标). */
export interface Overall {
  /** 一、总体绩效目标. */
  goal: string;
  /** 二、分项绩效目标. */
  subGoals: SubGoal[];
  /** 三、工作保障措施, one entry per paragraph. */
  measures: string[];
}

export type Severity = 'error' | 'warning' | 'info';

/** Something the parser skipped, inferred, or found inconsistent. */
export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable tag, e.g. `SCHEDULE_CELLS_MISSING`. */
  code: string;
  /** Human-readable message (Chinese first, with the values involved). */
  message: string;
  /** 1-based source line, or null for document-level diagnostics. */
  line: number | null;
  /** Table number (`Project.seq`) the diagnostic belongs to, or null. */
  project: number | null;
}

/** A parsed 部门预算绩效文本. */
export interface TargetDocument {
  file: string;
  /** Budget year, from the title page or inferred from project codes. */
  year: number | null;
  yearInferred: boolean;
  /** 部门 name. */
  department: string | null;
  /** County/city/district name (县/市/区), e.g. 巨鹿县. */
  region: string | null;
  /** 6-digit administrative region code from the project codes, e.g. 130529. */
  regionCode: string | null;
  /** Id of the layout family the tables were read with. */
  layout: string;
  overall: Overall;
  projects: Project[];
}

export interface ParseResult {
  document: TargetDocument;
  diagnostics: Diagnostic[];
}
