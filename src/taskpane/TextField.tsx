/** A labelled text input for one typed setting (numbers are kept as typed; see backtest-setup.ts). */
import { Field, Input } from "@fluentui/react-components";
import * as React from "react";

export interface TextFieldProps {
  readonly label: string;
  readonly value: string;
  onChange(value: string): void;
  /** Shown after the value inside the box, e.g. "%". */
  readonly unit?: string;
  /** "decimal" brings up a number keyboard on touch screens; "date" is a date picker (yyyy-mm-dd). */
  readonly kind?: "text" | "decimal" | "date";
  readonly placeholder?: string;
}

export function TextField({
  label,
  value,
  onChange,
  unit,
  kind = "text",
  placeholder,
}: TextFieldProps): React.JSX.Element {
  return (
    <Field label={label}>
      <Input
        value={value}
        onChange={(_, data) => onChange(data.value)}
        type={kind === "date" ? "date" : "text"}
        inputMode={kind === "decimal" ? "decimal" : undefined}
        contentAfter={unit}
        placeholder={placeholder}
      />
    </Field>
  );
}
