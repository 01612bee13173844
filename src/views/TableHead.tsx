/** A column of a data table's header: its label, and whether it holds numbers (right-aligned). */
export type Column = string | { label: string; num: true };

/** The `<thead>` of a data table from its column labels. */
export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) =>
          typeof c === 'string' ? (
            <th key={c} scope="col">
              {c}
            </th>
          ) : (
            <th key={c.label} scope="col" className="num">
              {c.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
