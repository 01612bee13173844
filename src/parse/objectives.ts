import { cleanText, stripMarkers } from './normalize';

/**
 * Splits 绩效目标 text into its numbered objectives ("1. … 2. …", one per line or run together,
 * inside `<p>` tags or not). Text without numbering is one objective.
 */
export function splitObjectives(text: string): string[] {
  const s = stripMarkers(text);
  const starts: { at: number; body: number }[] = [];
  let next = 1;
  const re = /(^|[\s。；;，,：:])(\d{1,2})\s*[.、．](?!\d)\s*/g;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    if (Number(m[2]) !== next) continue;
    starts.push({ at: m.index + (m[1]?.length ?? 0), body: m.index + m[0].length });
    next++;
  }
  if (starts.length === 0) {
    const one = cleanText(s);
    return one ? [one] : [];
  }
  const out: string[] = [];
  const lead = cleanText(s.slice(0, starts[0]?.at ?? 0));
  if (lead) out.push(lead);
  starts.forEach((st, i) => {
    const end = starts[i + 1]?.at ?? s.length;
    const item = cleanText(s.slice(st.body, end)).replace(/[，,；;]$/, '');
    if (item) out.push(item);
  });
  return out;
}
