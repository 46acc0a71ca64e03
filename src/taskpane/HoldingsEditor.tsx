/**
 * The backtest part's holdings: one card per simulated fund (name, index series, leverage, weight,
 * expense ratio, spread over the borrowing rate), a button to add one, and the weights' total in words.
 */
import { Button, Caption1, Field, Select } from "@fluentui/react-components";
import * as React from "react";
import { describeWeights, type HoldingSetup } from "./backtest-setup";
import type { LoadedSeries } from "./series-sources";
import { usePaneStyles } from "./styles";
import { byName, Options } from "./Options";
import { TextField } from "./TextField";

export interface HoldingsEditorProps {
  readonly holdings: readonly HoldingSetup[];
  /** The return series a holding can follow. */
  readonly returns: readonly LoadedSeries[];
  onChange(k: number, changes: Partial<HoldingSetup>): void;
  onAdd(): void;
  onRemove(k: number): void;
}

export function HoldingsEditor({
  holdings,
  returns,
  onChange,
  onAdd,
  onRemove,
}: HoldingsEditorProps): React.JSX.Element {
  const styles = usePaneStyles();
  const total = describeWeights(holdings);
  return (
    <>
      {holdings.length > 0 && (
        <ul className={styles.cards} aria-label="Holdings">
          {holdings.map((h, k) => {
            const title = h.name.trim() || `Holding ${k + 1}`;
            const missing = h.series !== "" && !returns.some((s) => s.name === h.series);
            return (
              <li key={k} className={styles.card} role="group" aria-label={title}>
                <div className={styles.cardHeader}>
                  <h3 className={styles.cardTitle}>{title}</h3>
                  <Button
                    size="small"
                    appearance="subtle"
                    onClick={() => onRemove(k)}
                    aria-label={`Remove ${title}`}
                  >
                    Remove
                  </Button>
                </div>
                <TextField label="Name" value={h.name} onChange={(name) => onChange(k, { name })} />
                <Field label="Index series">
                  <Select
                    value={h.series}
                    onChange={(_, data) => onChange(k, { series: data.value })}
                  >
                    {(h.series === "" || missing) && (
                      <option value={h.series}>
                        {missing ? `${h.series} (not loaded)` : "Choose a series…"}
                      </option>
                    )}
                    <Options items={returns} {...byName} />
                  </Select>
                </Field>
                <div className={styles.pair}>
                  <TextField
                    label="Leverage"
                    value={h.leverage}
                    onChange={(leverage) => onChange(k, { leverage })}
                    unit="×"
                    kind="decimal"
                  />
                  <TextField
                    label="Weight"
                    value={h.weight}
                    onChange={(weight) => onChange(k, { weight })}
                    unit="%"
                    kind="decimal"
                  />
                  <TextField
                    label="Expense ratio"
                    value={h.expenseRatio}
                    onChange={(expenseRatio) => onChange(k, { expenseRatio })}
                    unit="%"
                    kind="decimal"
                  />
                  <TextField
                    label="Spread"
                    value={h.spread}
                    onChange={(spread) => onChange(k, { spread })}
                    unit="%"
                    kind="decimal"
                  />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {holdings.length > 0 && (
        <Caption1>
          Each fund returns its index series times the leverage, less the expense ratio and, on the
          borrowed part, the borrowing rate plus the spread (both yearly).
        </Caption1>
      )}
      <div className={styles.row}>
        <Button onClick={onAdd} disabled={returns.length === 0}>
          Add holding
        </Button>
        {total && <Caption1>{total}</Caption1>}
      </div>
    </>
  );
}
