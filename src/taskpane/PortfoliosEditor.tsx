/**
 * The backtest's portfolios, up to four side by side on the sheet: one card each with its name, its
 * holdings (HoldingsEditor) and its own rebalancing (calendar, every k rows or never, plus a drift band).
 */
import { Button, Caption1, Field, Select } from "@fluentui/react-components";
import * as React from "react";
import { MAX_PORTFOLIOS } from "../sheets/backtest-config";
import { HoldingsEditor } from "./HoldingsEditor";
import {
  newHolding,
  newPortfolio,
  type HoldingSetup,
  type PortfolioSetup,
  REBALANCE_CHOICES,
  type RebalanceChoice,
} from "./portfolio-setup";
import type { LoadedSeries } from "./series-sources";
import { usePaneStyles } from "./styles";
import { choice, Options } from "./Options";
import { TextField } from "./TextField";

export interface PortfoliosEditorProps {
  readonly portfolios: readonly PortfolioSetup[];
  /** Every loaded series (holdings follow the return series). */
  readonly series: readonly LoadedSeries[];
  /** The backtest's borrowing rate series, "" for none (a fit to a real fund needs one). */
  readonly rate: string;
  onChange(portfolios: readonly PortfolioSetup[]): void;
}

export function PortfoliosEditor({
  portfolios,
  series,
  rate,
  onChange,
}: PortfoliosEditorProps): React.JSX.Element {
  const styles = usePaneStyles();
  const returns = series.filter((s) => s.kind === "returns");
  const change = (j: number, changes: Partial<PortfolioSetup>) =>
    onChange(portfolios.map((p, i) => (i === j ? { ...p, ...changes } : p)));
  const changeHolding = (j: number, k: number, changes: Partial<HoldingSetup>) =>
    change(j, {
      holdings: portfolios[j].holdings.map((h, i) => (i === k ? { ...h, ...changes } : h)),
    });
  return (
    <>
      {portfolios.length > 0 && (
        <ol className={styles.cards} aria-label="Portfolios">
          {portfolios.map((p, j) => {
            const title = p.name.trim() || `Portfolio ${j + 1}`;
            return (
              <li key={j} className={styles.card} role="group" aria-label={title}>
                <div className={styles.cardHeader}>
                  <h3 className={styles.cardTitle}>
                    {j + 1}. {title}
                  </h3>
                  <Button
                    size="small"
                    appearance="subtle"
                    onClick={() => onChange(portfolios.filter((_, i) => i !== j))}
                    aria-label={`Remove portfolio ${title}`}
                  >
                    Remove
                  </Button>
                </div>
                <TextField
                  label="Portfolio name"
                  value={p.name}
                  onChange={(name) => change(j, { name })}
                />
                <HoldingsEditor
                  portfolio={title}
                  holdings={p.holdings}
                  returns={returns}
                  series={series}
                  rate={rate}
                  onChange={(k, changes) => changeHolding(j, k, changes)}
                  onAdd={() => change(j, { holdings: [...p.holdings, newHolding(p, series)] })}
                  onRemove={(k) => change(j, { holdings: p.holdings.filter((_, i) => i !== k) })}
                />
                <div className={styles.pair}>
                  <Field label="Rebalance">
                    <Select
                      value={p.rebalance}
                      onChange={(_, data) =>
                        change(j, { rebalance: data.value as RebalanceChoice })
                      }
                    >
                      <Options items={REBALANCE_CHOICES} {...choice} />
                    </Select>
                  </Field>
                  {p.rebalance === "ROWS" && (
                    <TextField
                      label="Every (rows)"
                      value={p.rebalanceRows}
                      onChange={(rebalanceRows) => change(j, { rebalanceRows })}
                      kind="decimal"
                    />
                  )}
                  <TextField
                    label="Or on drift over"
                    value={p.band}
                    onChange={(band) => change(j, { band })}
                    unit="%"
                    kind="decimal"
                    placeholder="never"
                  />
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <div className={styles.row}>
        <Button
          onClick={() => onChange([...portfolios, newPortfolio(portfolios, series)])}
          disabled={returns.length === 0 || portfolios.length >= MAX_PORTFOLIOS}
        >
          Add portfolio
        </Button>
        <Caption1>
          {portfolios.length >= MAX_PORTFOLIOS
            ? `${MAX_PORTFOLIOS} portfolios: the most the sheet shows side by side.`
            : `Up to ${MAX_PORTFOLIOS}, side by side on the sheet.`}
        </Caption1>
      </div>
      {portfolios.length > 0 && (
        <Caption1>
          A leveraged fund returns its index times the leverage, less the expense ratio and, on the
          borrowed part, the borrowing rate plus the spread; a stacked fund holds each index at its
          exposure and pays the rate plus the premium on what it borrows, and its fee (all yearly).
        </Caption1>
      )}
    </>
  );
}
