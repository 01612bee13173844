/** Grade bands of the self-evaluation in 财预〔2020〕10号: 优 ≥90, 良 80–89, 中 60–79, 差 <60. */
export type Grade = '优' | '良' | '中' | '差';

/** The band edges (60, 80, 90), for reference lines. */
export const GRADE_BANDS = [60, 80, 90] as const;

/** Grade of a 0-100 score. */
export function grade(score: number): Grade {
  return score >= 90 ? '优' : score >= 80 ? '良' : score >= 60 ? '中' : '差';
}
