/**
 * One portfolio's holdings: one card per fund — a leveraged fund (name, index series, leverage, weight,
 * expense ratio, spread over the borrowing rate) or a stacked fund (name, its index series and the
 * exposure to each, weight, fee, premium) — with where its spread comes from, the real fund's history it
 * may be spliced onto, and for a leveraged fund "Calibrate to a real fund"; a button to add one, and the
 * weights' total in words.
 */
import { Button, Caption1, Field, Select } from "@fluentui/react-components";
import * as React from "react";
import { CalibrateFund } from "./CalibrateFund";
import { describeWeights, type HoldingSetup, type LegSetup } from "./portfolio-setup";
import type { LoadedSeries } from "./series-sources";
import { usePaneStyles } from "./styles";
import { byName, Options } from "./Options";
import { TextField } from "./TextField";

export interface HoldingsEditorProps {
  /** Names the controls ("55/45 3x, 3x S&P 500, leverage"), so several portfolios stay distinct. */
  readonly portfolio: string;
  readonly holdings: readonly HoldingSetup[];
  /** The return series a holding can follow. */
  readonly returns: readonly LoadedSeries[];
  /** Every loaded series, and the backtest's borrowing rate ("" for none), for calibrating to a real fund. */
  readonly series: readonly LoadedSeries[];
  readonly rate: string;
  onChange(k: number, changes: Partial<HoldingSetup>): void;
  onAdd(): void;
  onRemove(k: number): void;
}

/**
 * A drop-down of the loaded return series, showing a series that is no longer loaded as such; with
 * `none`, "" is a choice of its own (e.g. no real history).
 */
function SeriesSelect(props: {
  readonly label: string;
  readonly value: string;
  readonly returns: readonly LoadedSeries[];
  readonly none?: string;
  readonly hint?: string;
  onChange(series: string): void;
}): React.JSX.Element {
  const missing = props.value !== "" && !props.returns.some((s) => s.name === props.value);
  return (
    <Field label={props.label} hint={props.hint}>
      <Select value={props.value} onChange={(_, data) => props.onChange(data.value)}>
        {props.none !== undefined && <option value="">{props.none}</option>}
        {((props.value === "" && props.none === undefined) || missing) && (
          <option value={props.value}>
            {missing ? `${props.value} (not loaded)` : "Choose a series…"}
          </option>
        )}
        <Options items={props.returns} {...byName} />
      </Select>
    </Field>
  );
}

export function HoldingsEditor({
  portfolio,
  holdings,
  returns,
  series,
  rate,
  onChange,
  onAdd,
  onRemove,
}: HoldingsEditorProps): React.JSX.Element {
  const styles = usePaneStyles();
  const total = describeWeights(holdings);
  const changeLeg = (k: number, m: number, changes: Partial<LegSetup>) =>
    onChange(k, { legs: holdings[k].legs.map((l, i) => (i === m ? { ...l, ...changes } : l)) });
  return (
    <>
      {holdings.length > 0 && (
        <ul className={styles.cards} aria-label={`Holdings of ${portfolio}`}>
          {holdings.map((h, k) => {
            const title = h.name.trim() || `Holding ${k + 1}`;
            const stacked = h.kind === "stacked";
            return (
              <li
                key={k}
                className={styles.card}
                role="group"
                aria-label={`${portfolio}: ${title}`}
              >
                <div className={styles.cardHeader}>
                  <h4 className={styles.cardTitle}>{title}</h4>
                  <Button
                    size="small"
                    appearance="subtle"
                    onClick={() => onRemove(k)}
                    aria-label={`Remove ${title} from ${portfolio}`}
                  >
                    Remove
                  </Button>
                </div>
                <TextField label="Name" value={h.name} onChange={(name) => onChange(k, { name })} />
                <Field label="Kind">
                  <Select
                    value={h.kind}
                    onChange={(_, data) => {
                      const kind = data.value as HoldingSetup["kind"];
                      onChange(k, {
                        kind,
                        legs:
                          kind === "stacked" && h.legs.length === 0
                            ? [{ series: h.series, weight: "100" }]
                            : h.legs,
                      });
                    }}
                  >
                    <option value="letf">Leveraged (daily reset)</option>
                    <option value="stacked">Stacked (several series)</option>
                  </Select>
                </Field>
                {!stacked && (
                  <SeriesSelect
                    label="Index series"
                    value={h.series}
                    returns={returns}
                    onChange={(series) => onChange(k, { series })}
                  />
                )}
                {stacked &&
                  h.legs.map((leg, m) => (
                    <div key={m} className={styles.pair}>
                      <SeriesSelect
                        label={`Index series ${m + 1}`}
                        value={leg.series}
                        returns={returns}
                        onChange={(series) => changeLeg(k, m, { series })}
                      />
                      <TextField
                        label="Exposure"
                        value={leg.weight}
                        onChange={(weight) => changeLeg(k, m, { weight })}
                        unit="%"
                        kind="decimal"
                      />
                    </div>
                  ))}
                {stacked && (
                  <div className={styles.row}>
                    <Button
                      size="small"
                      onClick={() =>
                        onChange(k, { legs: [...h.legs, { series: "", weight: "100" }] })
                      }
                    >
                      Add index series
                    </Button>
                    {h.legs.length > 1 && (
                      <Button
                        size="small"
                        appearance="subtle"
                        onClick={() => onChange(k, { legs: h.legs.slice(0, -1) })}
                      >
                        Remove the last
                      </Button>
                    )}
                  </div>
                )}
                <div className={styles.pair}>
                  {!stacked && (
                    <TextField
                      label="Leverage"
                      value={h.leverage}
                      onChange={(leverage) => onChange(k, { leverage })}
                      unit="×"
                      kind="decimal"
                    />
                  )}
                  <TextField
                    label="Weight"
                    value={h.weight}
                    onChange={(weight) => onChange(k, { weight })}
                    unit="%"
                    kind="decimal"
                  />
                  {/* A typed cost replaces the preset's or the fit's: its source no longer applies. */}
                  <TextField
                    label={stacked ? "Fee" : "Expense ratio"}
                    value={h.expenseRatio}
                    onChange={(expenseRatio) =>
                      onChange(k, { expenseRatio, costSource: undefined })
                    }
                    unit="%"
                    kind="decimal"
                  />
                  <TextField
                    label={stacked ? "Premium" : "Spread"}
                    value={h.spread}
                    onChange={(spread) => onChange(k, { spread, costSource: undefined })}
                    unit="%"
                    kind="decimal"
                  />
                </div>
                {h.costSource && (
                  <Caption1 className={styles.muted}>
                    {stacked ? "Premium" : "Spread"}: {h.costSource}.
                  </Caption1>
                )}
                <SeriesSelect
                  label="Real fund history"
                  value={h.real}
                  returns={returns}
                  none="None: simulated throughout"
                  hint="Where it has returns the holding is the real fund, simulated before (SPLICE)."
                  onChange={(real) => onChange(k, { real })}
                />
                {!stacked && (
                  <CalibrateFund
                    title={`${portfolio}: ${title}`}
                    holding={h}
                    series={series}
                    rate={rate}
                    onUse={(spread, costSource) => onChange(k, { spread, costSource })}
                  />
                )}
              </li>
            );
          })}
        </ul>
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
