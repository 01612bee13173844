export { GRADE_BANDS as GRADE_SQL_BANDS, type Grade, grade as gradeOf } from '../rules/grade';
