import { round6 } from './money';
import { toHalfWidth } from './normalize';
import type { Percent, Schedule, WanYuan } from './types';

/** Result of reading the printed schedule cells, with what needs a diagnostic. */
export interface ScheduleReading {
  schedule: Schedule;
  /** Problems to report (Chinese), empty when the four cells were read cleanly. */
  problems: { code: string; message: string; severity: 'warning' | 'info' }[];
}

/** 资金支出计划 month headers, in order. */
export const MONTH_NAMES = ['3月底', '6月底', '10月底', '12月底'] as const;

/**
 * Builds the schedule from the printed value cells in order. Cells with % are shares; bare numbers
 * are cumulative amounts in 万元 when they end at the budget (the row may be labelled （%） while
 * holding amounts), otherwise shares. Missing cells stay null: nothing is invented.
 * @param cells printed cells in the order they appear
 * @param months how many month headers were printed (0 when none were found)
 * @param total the project's budget in 万元, used to turn amounts into shares
 */
export function buildSchedule(
  cells: string[],
  months: number,
  total: WanYuan | null,
  slots?: number[],
): ScheduleReading {
  const problems: ScheduleReading['problems'] = [];
  if (
    slots &&
    slots.length === cells.length &&
    cells.length < 4 &&
    slots.every((m, i) => m >= 0 && m < 4 && (i === 0 || m > (slots[i - 1] ?? -1)))
  )
    return buildAligned(cells, slots, total);
  const kept = cells.slice(0, 4);
  if (cells.length > 4)
    problems.push({
      code: 'SCHEDULE_EXTRA_CELLS',
      severity: 'warning',
      message: `资金支出计划有 ${cells.length} 个数值，只保留前 4 个：${cells.join(' ')}`,
    });
  const raw: Schedule['raw'] = [kept[0] ?? null, kept[1] ?? null, kept[2] ?? null, kept[3] ?? null];
  const none: Schedule['percent'] = [null, null, null, null];
  if (kept.length === 0) {
    problems.push({ code: 'SCHEDULE_EMPTY', severity: 'warning', message: '资金支出计划没有数值' });
    return { schedule: { kind: 'none', raw, percent: none }, problems };
  }
  if (kept.length < 4) {
    const missing = MONTH_NAMES.slice(kept.length).join('、');
    problems.push({
      code: 'SCHEDULE_CELLS_MISSING',
      severity: 'warning',
      message: `资金支出计划只印有 ${kept.length} 个数值（${kept.join(' ')}），按顺序对应前 ${kept.length} 个月份；${missing} 缺失，未补齐`,
    });
  }
  if (months > 0 && months !== kept.length && kept.length === 4)
    problems.push({
      code: 'SCHEDULE_MONTHS_MISMATCH',
      severity: 'info',
      message: `资金支出计划印有 ${months} 个月份标题、${kept.length} 个数值`,
    });
  const halfWidth = kept.map(toHalfWidth);
  const nums = halfWidth.map((c) => Number(c.replace(/[%\s,]/g, '')));
  const hasPercent = halfWidth.some((c) => c.includes('%'));
  const last = nums[nums.length - 1] ?? 0;
  const max = Math.max(...nums);
  let kind: Schedule['kind'] = 'percent';
  if (!hasPercent && total !== null && total > 0) {
    const endsAtBudget = Math.abs(last - total) <= Math.max(0.011, total * 0.005);
    if (max > 100 || (endsAtBudget && Math.abs(total - 100) > 0.011)) kind = 'amount';
    else if (max <= total + 0.011 && last < 50) kind = 'amount';
    if (!endsAtBudget && max <= total + 0.011 && max <= 100)
      problems.push({
        code: 'SCHEDULE_KIND_AMBIGUOUS',
        severity: 'info',
        message: `资金支出计划数值无 % 号且未到预算数 ${total}，按${kind === 'amount' ? '累计金额（万元）' : '累计比例（%）'}读取`,
      });
    if (Math.abs(total - 100) <= 0.011 && endsAtBudget)
      problems.push({
        code: 'SCHEDULE_KIND_AMBIGUOUS',
        severity: 'info',
        message: '资金支出计划数值无 % 号，预算数为 100 万元，金额与比例相同',
      });
  } else if (!hasPercent && max > 100) {
    kind = 'amount';
    problems.push({
      code: 'SCHEDULE_NO_BUDGET',
      severity: 'warning',
      message: '资金支出计划为金额，但预算数缺失，无法换算比例',
    });
  }
  const percent = [0, 1, 2, 3].map((i) => {
    const n = nums[i];
    if (n === undefined || !Number.isFinite(n)) return null;
    // A share too large for a number (a damaged cell over a tiny budget) is unreadable, not Infinity.
    const share = kind === 'percent' ? round6(n) : total !== null && total > 0 ? round6((n / total) * 100) : null;
    return share !== null && Number.isFinite(share) ? (share as Percent) : null;
  }) as Schedule['percent'];
  return { schedule: { kind, raw, percent }, problems };
}

/**
 * Cells printed under their month headers (grid layouts where every value sits in a month's column):
 * each goes to its month, and the months without a cell are named in the problem.
 */
function buildAligned(cells: string[], slots: number[], total: WanYuan | null): ScheduleReading {
  const byMonth: string[] = [];
  slots.forEach((m, i) => {
    byMonth[m] = cells[i] as string;
  });
  const ordered = buildSchedule(cells, 4, total);
  const raw: Schedule['raw'] = [byMonth[0] ?? null, byMonth[1] ?? null, byMonth[2] ?? null, byMonth[3] ?? null];
  const percent: Schedule['percent'] = [null, null, null, null];
  slots.forEach((m, i) => {
    percent[m] = ordered.schedule.percent[i] ?? null;
  });
  const missing = MONTH_NAMES.filter((_, m) => byMonth[m] === undefined).join('、');
  const problems = ordered.problems.filter((p) => p.code !== 'SCHEDULE_CELLS_MISSING');
  problems.unshift({
    code: 'SCHEDULE_CELLS_MISSING',
    severity: 'warning',
    message: `资金支出计划只印有 ${cells.length} 个数值（${cells.join(' ')}），按所在列对应月份；${missing} 缺失，未补齐`,
  });
  return { schedule: { kind: ordered.schedule.kind, raw, percent }, problems };
}
