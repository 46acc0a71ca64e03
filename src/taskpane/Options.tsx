/** The `<option>`s of a drop-down: one per item, with the value and label the accessors give. */
import * as React from "react";

export interface OptionsProps<T> {
  readonly items: readonly T[];
  readonly value: (item: T) => string;
  readonly label: (item: T) => string;
}

export function Options<T>({ items, value, label }: OptionsProps<T>): React.JSX.Element {
  return (
    <>
      {items.map((item) => (
        <option key={value(item)} value={value(item)}>
          {label(item)}
        </option>
      ))}
    </>
  );
}

/** Accessors for {value, label} choice lists and for named series. */
export const choice = {
  value: (c: { readonly value: string }) => c.value,
  label: (c: { readonly label: string }) => c.label,
};
export const byName = {
  value: (s: { readonly name: string }) => s.name,
  label: (s: { readonly name: string }) => s.name,
};
