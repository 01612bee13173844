/** Messages of the review view (zh first; en must have the same keys). */
const zh = {};

const en: Record<keyof typeof zh, string> = {};

export default { zh, en };
