/**
 * Where the presets' costs come from, under the preset picker: each kind of fund with its expense ratio
 * and spread and their source (PRESET_COSTS: spreads calibrated to real NAVs, or a stated assumption).
 */
import * as React from "react";
import { PRESET_COSTS } from "../sheets/backtest-config";
import { usePaneStyles } from "./styles";

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

export function PresetCosts(): React.JSX.Element {
  const styles = usePaneStyles();
  return (
    <details>
      <summary>Where the presets&apos; spreads come from</summary>
      <table className={styles.costTable} aria-label="Spreads and their sources">
        <thead>
          <tr>
            <th scope="col">Fund</th>
            <th scope="col">Expense ratio + spread</th>
            <th scope="col">Source of the spread</th>
          </tr>
        </thead>
        <tbody>
          {Object.values(PRESET_COSTS).map((cost) => (
            <tr key={cost.fund}>
              <th scope="row">{cost.fund}</th>
              <td>
                {pct(cost.expenseRatio)} + {pct(cost.spread)}
              </td>
              <td>{cost.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
