import {
  buildSchedule,
  type Indicator,
  LEVEL2_PARENT,
  type ParseResult,
  type Project,
  parseValue,
  type Schedule,
  type WanYuan,
} from '../parse';
import type { ExampleDocument } from './define';

/**
 * Turns a rule's example document into a parse result, through the parser's own value and
 * schedule readers, so examples are read exactly as real documents are.
 * @param file becomes the document id
 */
export function exampleResult(example: ExampleDocument, file: string): ParseResult {
  const projects: Project[] = example.projects.map((p, k) => {
    const total = (p.budget?.total ?? 10) as WanYuan | null;
    const schedule: Schedule = p.schedule
      ? buildSchedule(
          p.schedule.filter((c): c is string => c !== null),
          4,
          total,
          p.schedule.flatMap((c, m) => (c === null ? [] : [m])),
        ).schedule
      : buildSchedule(['25%', '50%', '75%', '100%'], 4, total).schedule;
    const indicators: Indicator[] = (p.indicators ?? []).map((i, row) => ({
      level1: i.level1 ?? LEVEL2_PARENT[i.level2] ?? '',
      level2: i.level2,
      level3: i.level3,
      description: i.description ?? `${i.level3}的说明`,
      value: parseValue(i.value),
      basis: i.basis ?? `依据${row + 1}`,
      line: row + 1,
    }));
    return {
      seq: k + 1,
      unitCode: '100001',
      unitName: '示例单位本级',
      code: `1300002${String(k).padStart(2, '0')}P0000000000${k}`,
      name: p.name ?? `示例项目${k + 1}`,
      budget: {
        total,
        fiscal: (p.budget && 'fiscal' in p.budget ? (p.budget.fiscal ?? null) : total) as WanYuan | null,
        other: (p.budget?.other ?? null) as WanYuan | null,
      },
      purpose: '示例',
      schedule,
      objectives: p.objectives ?? ['完成示例项目'],
      indicators,
      line: 1,
    };
  });
  return {
    document: {
      file,
      year: example.year ?? 2024,
      yearInferred: false,
      department: '示例部门',
      region: '示例县',
      regionCode: '130000',
      layout: 'example',
      overall: { goal: '', subGoals: [], measures: [] },
      projects,
    },
    diagnostics: [],
  };
}
