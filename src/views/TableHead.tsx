/**
 * A column of a data table's header: its label, or the label with options — `num` right-aligns a
 * column of numbers, `hidden` keeps the label for screen readers only, `className` styles the cell.
 */
export type Column = string | { label: string; num?: boolean; hidden?: boolean; className?: string };

/** The `<thead>` of a data table from its column labels. */
export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => {
          const { label, num, hidden, className } = typeof c === 'string' ? { label: c } : c;
          const cls = [className, num ? 'num' : undefined].filter(Boolean).join(' ') || undefined;
          return (
            <th key={label} scope="col" className={cls}>
              {hidden ? <span className="visually-hidden">{label}</span> : label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
