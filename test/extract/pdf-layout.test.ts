/**
 * layoutPages: text pieces with positions (as pdf.js gives them) → the column-aligned lines the
 * parser's `aligned` layout reads. Pieces here use a 10 pt font: one column is 5 units.
 */
import { describe, expect, it } from 'vitest';
import { layoutPages, type PagePieces, type Piece } from '../../src/extract';

/** A piece of 10 pt text at (x, y): CJK characters 10 units wide, others 5. */
function at(x: number, y: number, str: string, size = 10): Piece {
  const width = [...str].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? size : size / 2), 0);
  return { str, x, y, width, size };
}

function page(pieces: Piece[], n = 1, width = 300): PagePieces {
  return { page: n, width, pieces };
}

const lines = (pages: PagePieces[]) => layoutPages(pages).lines;

describe('layoutPages', () => {
  it('places cells at columns proportional to x, at least two spaces apart', () => {
    expect(lines([page([at(0, 10, '一级指标'), at(50, 10, '数量指标'), at(100, 10, '≥5次')])])).toEqual([
      '一级指标  数量指标  ≥5次',
    ]);
    // Columns keep their place on later lines (a wrapped cell stays under its header).
    expect(lines([page([at(0, 10, '三级指标'), at(100, 10, '指标值'), at(100, 25, '续行')])])).toEqual([
      '三级指标            指标值',
      '                    续行',
    ]);
  });

  it('groups pieces by baseline: Latin text set a little higher stays on its line', () => {
    expect(lines([page([at(0, 10, '预算数'), at(30, 8, '20.00'), at(55, 10, '万元')])])).toEqual(['预算数20.00万元']);
    expect(lines([page([at(0, 10, '预算数'), at(60, 7.6, '20.00')])])).toEqual(['预算数      20.00']);
  });

  it('joins close pieces: a word gap between Latin words is a space, after a number before Chinese none', () => {
    expect(lines([page([at(0, 10, 'ISO'), at(18, 10, '9001')])])).toEqual(['ISO 9001']);
    expect(lines([page([at(0, 10, '2023'), at(22, 10, '年底前')])])).toEqual(['2023年底前']);
    expect(lines([page([at(0, 10, '待遇'), at(22, 10, '2.目标')])])).toEqual(['待遇 2.目标']);
  });

  it('keeps text printed twice at the same place (fake bold) once', () => {
    expect(lines([page([at(0, 10, '绩效目标表'), at(0.3, 10, '绩效目标表')])])).toEqual(['绩效目标表']);
  });

  it('separates pages by a blank line counted on the page before, and drops page numbers', () => {
    const laid = layoutPages([
      page([at(0, 10, '第一页'), at(140, 280, '- 1 -')], 1),
      page([at(140, 10, '第 2 页'), at(0, 30, '第二页')], 2),
    ]);
    expect(laid.lines).toEqual(['第一页', '', '第二页']);
    expect(laid.pages).toEqual([1, 1, 2]);
  });

  // The page is 300 wide and text starts at x = 0: the right margin is at 300 (margins taken as symmetric).
  const open = '甲'.repeat(29); // 290 wide: the next character does not fit
  const closed = `${'乙'.repeat(28)}。`;

  it('joins paragraph lines wrapped at the right margin, also across pages', () => {
    expect(lines([page([at(0, 10, open), at(0, 25, '接着写完。'), at(0, 40, '新的一段。')])])).toEqual([
      `${open}接着写完。`,
      '新的一段。',
    ]);
    expect(lines([page([at(0, 10, open)], 1), page([at(0, 10, '下一页接着写。')], 2)])).toEqual([
      `${open}下一页接着写。`,
    ]);
    // A Latin word carried to the next line was after a space.
    expect(lines([page([at(0, 10, `${'甲'.repeat(27)} ISO`), at(0, 25, '9001')])])).toEqual([
      `${'甲'.repeat(27)} ISO 9001`,
    ]);
  });

  it('does not join after a sentence end, before a numbered item, short lines or table lines', () => {
    expect(lines([page([at(0, 10, closed), at(0, 25, '下一段')])])).toEqual([closed, '下一段']);
    expect(lines([page([at(0, 10, open), at(0, 25, '（二）下一项')])])).toEqual([open, '（二）下一项']);
    expect(lines([page([at(0, 10, '短行'), at(0, 25, '下一行')])])).toEqual(['短行', '下一行']);
    expect(lines([page([at(0, 10, open), at(20, 25, '缩进的续行')])])).toEqual([open, '    缩进的续行']);
  });

  it('lays out a long document: more text items than a spread argument list takes (was a stack overflow)', () => {
    // 600 pages × 250 items: `Math.min(...xs)` throws a RangeError well before 150,000 arguments.
    const pages = Array.from({ length: 600 }, (_, n) =>
      page(
        Array.from({ length: 250 }, (_, i) => at((i % 5) * 60, 10 + Math.floor(i / 5) * 15, `项${i}`)),
        n + 1,
      ),
    );
    const out = layoutPages(pages);
    expect(out.lines.filter((l) => l.includes('项0')).length).toBe(600);
  });
});
