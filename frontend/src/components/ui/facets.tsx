import type { ReactNode } from 'react';

export interface FacetCount {
  value: string;
  count: number;
  /** The API's name for the value, in the asked language. */
  label?: string | null;
}

export function FacetGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="facet">
      <legend>{legend}</legend>
      <div className="facet-options">{children}</div>
    </fieldset>
  );
}

interface FacetFilterProps {
  /** The search parameter (and checkbox name), e.g. `theme`. */
  name: string;
  legend: string;
  /** Counts from the API; absent while the first answer is on its way. */
  counted?: FacetCount[];
  chosen: string[];
  /** A name for a value the API gave no label for (a chosen value no result has any more). */
  labelOf: (value: string) => string;
  onToggle: (value: string, on: boolean) => void;
}

/**
 * One facet as checkboxes, each with the number of results it would give. A chosen value stays
 * listed (with 0) even when no result has it, so it can be unchosen.
 */
export function FacetFilter({
  name,
  legend,
  counted = [],
  chosen,
  labelOf,
  onToggle,
}: FacetFilterProps) {
  const options = [
    ...counted,
    ...chosen
      .filter((value) => !counted.some((f) => f.value === value))
      .map((value) => ({ value, count: 0 })),
  ];
  if (options.length === 0) return null;
  return (
    <FacetGroup legend={legend}>
      {options.map((option: FacetCount) => (
        <label key={option.value} className="facet-option">
          <input
            type="checkbox"
            name={name}
            value={option.value}
            checked={chosen.includes(option.value)}
            onChange={(event) => onToggle(option.value, event.target.checked)}
          />
          <span>{option.label || labelOf(option.value)}</span>{' '}
          <span className="facet-count">({option.count})</span>
        </label>
      ))}
    </FacetGroup>
  );
}
