/**
 * What extraction keeps, skips and notes, on small documents made here with the same libraries a
 * user's office suite output is read with (docx, SheetJS, iconv-lite).
 */
import * as XLSX from '@e965/xlsx';
import { Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract';

const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

const cell = (text: string, rowSpan?: number) =>
  new TableCell({ rowSpan, children: [new Paragraph({ children: [new TextRun(text)] })] });

describe('Word', () => {
  it('keeps paragraphs and table structure (merged cells as rowspan), leaves images out with a note', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('第一部分 部门整体绩效目标')] }),
            new Paragraph({
              children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 9, height: 9 } })],
            }),
            new Table({
              rows: [
                new TableRow({ children: [cell('产出指标', 2), cell('数量指标'), cell('≥5次')] }),
                new TableRow({ children: [cell('质量指标'), cell('≥95%')] }),
              ],
            }),
          ],
        },
      ],
    });
    const { kind, text, notes } = await extractDocument('a.docx', new Uint8Array(await Packer.toBuffer(doc)));
    expect(kind).toBe('docx');
    expect(notes).toEqual(['文档中的1张图片已忽略']);
    expect(text).toContain('<p>第一部分 部门整体绩效目标</p>');
    expect(text).toMatch(/<td rowspan="2"><p>产出指标<\/p>\s*<\/td>/);
    expect(text).toContain('<p>≥95%</p>');
  });
});

describe('Excel', () => {
  function workbook(): XLSX.WorkBook {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['草稿']]), '草稿');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([]), '空表');
    const ws = XLSX.utils.aoa_to_sheet([
      ['项目编码', '13052924P00584011911D'],
      ['说明\n第二行', ''],
    ]);
    // Formatting applied to whole rows and columns makes a sheet's range (and merges) run to the sheet's end.
    ws['!ref'] = 'A1:Z5000';
    ws['!merges'] = [{ s: { r: 1, c: 0 }, e: { r: 1, c: 25 } }];
    XLSX.utils.book_append_sheet(wb, ws, '表1');
    wb.Workbook = { Sheets: [{ Hidden: 1 }, { Hidden: 0 }, { Hidden: 0 }] };
    return wb;
  }

  for (const bookType of ['xlsx', 'biff8'] as const)
    it(`${bookType}: only the used cells of visible sheets, merged cells as colspan, line breaks as <br>`, async () => {
      const bytes = new Uint8Array(XLSX.write(workbook(), { type: 'array', bookType }) as ArrayBuffer);
      const { kind, text, notes } = await extractDocument('a', bytes);
      expect(kind).toBe(bookType === 'xlsx' ? 'xlsx' : 'xls');
      expect(notes).toEqual(['隐藏的工作表“草稿”已跳过', '空工作表“空表”已跳过']);
      expect(text).toBe(
        [
          '<table>',
          '<tr><td>项目编码</td><td>13052924P00584011911D</td></tr>',
          '<tr><td colspan="2">说明<br>第二行</td></tr>',
          '</table>',
        ].join('\n'),
      );
    });
});

describe('text', () => {
  const TEXT = '项目编码\t13052924P00584011911D\n项目名称\t督查室经费\n';
  const CASES: { name: string; bytes: Uint8Array; notes: string[] }[] = [
    { name: 'utf8.txt', bytes: new TextEncoder().encode(TEXT), notes: [] },
    {
      name: 'gbk.txt',
      bytes: new Uint8Array(iconv.encode(TEXT, 'gbk')),
      notes: ['文件不是 UTF-8 编码，已按 GB18030（GBK）读取'],
    },
    { name: 'utf16.txt', bytes: new Uint8Array(iconv.encode(TEXT, 'utf16le', { addBOM: true })), notes: [] },
  ];
  for (const c of CASES)
    it(`${c.name} is decoded and passed on as it is`, async () => {
      await expect(extractDocument(c.name, c.bytes)).resolves.toEqual({ kind: 'text', text: TEXT, notes: c.notes });
    });
});
