/**
 * "Calibrate to a real fund", inside a leveraged holding's card: choose the real fund's returns (a NAV or
 * price file loaded under 1. Data), see the fit on the holding's index series and the backtest's rate —
 * sample, fixed cost, rate multiple, spread, tracking error, R², the fit with dates for comparison — with
 * which fit is used and why, and fill the holding's spread with it. Wiring only: calibrate-setup.ts fits.
 */
import { Button, Caption1, Field, Select } from "@fluentui/react-components";
import * as React from "react";
import { calibrate, WHICH_FIT } from "./calibrate-setup";
import type { HoldingSetup } from "./portfolio-setup";
import type { LoadedSeries } from "./series-sources";
import { usePaneStyles } from "./styles";
import { byName, Options } from "./Options";

export interface CalibrateFundProps {
  /** Names the controls ("55/45 3x: 3x S&P 500"). */
  readonly title: string;
  readonly holding: HoldingSetup;
  /** Every loaded series (the fund and its index are return series, the rate a rate series). */
  readonly series: readonly LoadedSeries[];
  /** The backtest's borrowing rate series, "" for none. */
  readonly rate: string;
  onUse(spread: string, source: string): void;
}

export function CalibrateFund({
  title,
  holding,
  series,
  rate,
  onUse,
}: CalibrateFundProps): React.JSX.Element {
  const styles = usePaneStyles();
  const [open, setOpen] = React.useState(false);
  const [fund, setFund] = React.useState(holding.real);
  const returns = series.filter((s) => s.kind === "returns" && s.name !== holding.series);
  const result = React.useMemo(
    () => (open && fund !== "" ? calibrate(holding, fund, rate, series) : undefined),
    [open, fund, holding, rate, series]
  );
  if (!open)
    return (
      <div className={styles.row}>
        <Button
          size="small"
          onClick={() => {
            // The holding's real history, when it has one, is the fund to fit.
            setFund((chosen) => chosen || holding.real);
            setOpen(true);
          }}
          aria-label={`Calibrate ${title} to a real fund`}
        >
          Calibrate to a real fund
        </Button>
      </div>
    );
  return (
    <section className={styles.inset} aria-label={`Calibrate ${title} to a real fund`}>
      <h5 className={styles.subheading}>Calibrate to a real fund</h5>
      <Field
        label="Real fund's returns"
        hint={`Fitted on ${holding.series || "the index series"} at ${holding.leverage || "?"}x, with ${rate || "no rate"} as the rate.`}
      >
        <Select value={fund} onChange={(_, data) => setFund(data.value)}>
          {fund === "" && <option value="">Choose the fund&apos;s NAV or prices…</option>}
          <Options items={returns} {...byName} />
        </Select>
      </Field>
      {result?.ok === false && (
        <ul className={styles.list} aria-label="Before fitting">
          {result.problems.map((p) => (
            <li key={p}>
              <Caption1>{p}</Caption1>
            </li>
          ))}
        </ul>
      )}
      {result?.ok && (
        <>
          <dl className={styles.fitTable} aria-label="The fit">
            {result.lines.map(({ label, value }) => (
              <React.Fragment key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </React.Fragment>
            ))}
          </dl>
          <Caption1 className={styles.muted}>{WHICH_FIT}</Caption1>
        </>
      )}
      <div className={styles.row}>
        <Button
          size="small"
          appearance="primary"
          disabled={!result?.ok}
          onClick={() => {
            if (result?.ok) onUse(result.spread, result.source);
            setOpen(false);
          }}
        >
          {result?.ok ? `Use spread ${result.spread}%` : "Use the fitted spread"}
        </Button>
        <Button size="small" appearance="subtle" onClick={() => setOpen(false)}>
          Close
        </Button>
      </div>
    </section>
  );
}
