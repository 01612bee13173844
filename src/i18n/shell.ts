/** Messages of the app shell: navigation and shared filters (zh first; en must have the same keys). */
const zh = {
  navOverview: '总览',
  navReview: '质量审查',
  navDepartments: '部门与项目',
  navConsole: 'SQL 查询',
  navDocuments: '文档',
  navLabel: '主导航',
  filters: '筛选',
  filterYear: '年度',
  filterRegion: '地区',
  filterDepartment: '部门',
  filterSeverity: '严重程度',
  all: '全部',
  clearFilters: '清除筛选',
  loadedPart: '只载入了数据集 {dataset} 的一部分：{part}',
  severityHigh: '严重',
  severityWarning: '一般',
  severityInfo: '提示',
  exportPng: '导出图片',
  exportCsv: '导出 CSV',
  exportXlsx: '导出 Excel',
  noData: '没有符合条件的数据。',
  back: '返回',
  dismiss: '关闭提示',
  noticeEngineRestarted:
    '分析引擎意外停止（{reason}），已自动重新启动，并从内置数据集和本机保存的文档重新载入了全部数据。正在运行的查询或导入没有完成，请重试。',
  noticeEngineFailed:
    '分析引擎重新启动后再次停止（{reason}），不再自动重启。本机保存的文档未受影响；请关闭其他标签页释放内存后刷新页面，或只载入部分年度、地区。',
  noticeImportInterrupted: '上次导入在完成前页面被关闭或刷新。',
  noticeImportSaved: '已保存：{files}。',
  noticeImportLost: '未导入，请重新导入：{files}。',
  noticeStoredRecovered: '本机保存的 {n} 份文档的解析结果已损坏，已从保存的原文件重新读取：{files}。',
  noticeStoredSkipped:
    '本机保存的 {n} 份文档已损坏且无法从原文件恢复，本次未载入（仍保留在存储中；可删除后重新导入）：{files}。',
  removeDamaged: '删除损坏的文档',
  removeDamagedConfirm: '从本机存储中删除这些无法读取的文档？其他文档不受影响。',
};

const en: Record<keyof typeof zh, string> = {
  navOverview: 'Overview',
  navReview: 'Review',
  navDepartments: 'Departments & projects',
  navConsole: 'SQL console',
  navDocuments: 'Documents',
  navLabel: 'Main navigation',
  filters: 'Filters',
  filterYear: 'Year',
  filterRegion: 'Region',
  filterDepartment: 'Department',
  filterSeverity: 'Severity',
  all: 'All',
  clearFilters: 'Clear filters',
  loadedPart: 'Only part of dataset {dataset} is loaded: {part}',
  severityHigh: 'High',
  severityWarning: 'Warning',
  severityInfo: 'Info',
  exportPng: 'Save image',
  exportCsv: 'Export CSV',
  exportXlsx: 'Export Excel',
  noData: 'No data matches the filters.',
  back: 'Back',
  dismiss: 'Dismiss',
  noticeEngineRestarted:
    'The analysis engine stopped unexpectedly ({reason}). It was restarted and every document was loaded again from the embedded dataset and this browser’s storage. A query or import that was running did not finish; please try it again.',
  noticeEngineFailed:
    'The analysis engine stopped again right after a restart ({reason}) and is not restarted once more. The documents kept in this browser are unaffected; close other tabs to free memory and reload the page, or load only some years or regions.',
  noticeImportInterrupted: 'The page was closed or reloaded before the last import finished.',
  noticeImportSaved: 'Saved: {files}.',
  noticeImportLost: 'Not imported, please import again: {files}.',
  noticeStoredRecovered:
    'The stored parse results of {n} documents were damaged; they were read again from their original files: {files}.',
  noticeStoredSkipped:
    '{n} stored documents are damaged and could not be recovered from their original files, so they were not loaded (they stay in storage; remove them and import them again): {files}.',
  removeDamaged: 'Remove the damaged documents',
  removeDamagedConfirm: 'Remove these unreadable documents from this browser’s storage? The others are not affected.',
};

export default { zh, en };
