import { useId } from 'react';

/** A search box whose placeholder is also its (visually hidden) label. */
export function SearchField({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
}) {
  const id = useId();
  return (
    <label className="field" htmlFor={id}>
      <span className="visually-hidden">{label}</span>
      <input
        id={id}
        type="search"
        placeholder={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
    </label>
  );
}
