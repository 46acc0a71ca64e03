/**
 * The "Funds" step of the Stacked portfolio part: pick funds from the shipped table and enter holdings
 * (live look-through exposure, total, financing, weighted expense ratio), type target exposures (live
 * mix and its distance from the target), and choose which of the assumptions' assets prices each asset
 * class — matched by name where they agree, an unmatched class listed. The sheet's funds section then
 * shows all of it live. Wiring only: the reading and the preview are funds-setup.ts.
 */
import {
  Button,
  Caption1,
  Field,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import * as React from "react";
import { Notice } from "./build";
import { describeFund, FundsReading, FundsState, unpickedFunds } from "./funds-setup";
import { usePaneStyles } from "./styles";
import { TextField } from "./TextField";

export interface FundsStepProps {
  readonly state: FundsState;
  readonly reading: FundsReading;
  /** The assumptions' asset names, once a table is read. */
  readonly assets?: readonly string[];
  onChange(state: FundsState): void;
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const LEAVE_OUT = "";
const AUTOMATIC = "\u0000automatic";

export function FundsStep({ state, reading, assets, onChange }: FundsStepProps): React.JSX.Element {
  const styles = usePaneStyles();
  const update = (changes: Partial<FundsState>) => onChange({ ...state, ...changes });
  const pick = (ticker: string) =>
    update({ picked: [...state.picked, ticker], holdings: { ...state.holdings, [ticker]: "0" } });
  const unpick = (ticker: string) => update({ picked: state.picked.filter((t) => t !== ticker) });
  const { preview, classes } = reading;

  return (
    <section className={styles.section} aria-labelledby="funds-heading">
      <h2 id="funds-heading" className={styles.heading}>
        2. Funds
      </h2>
      <Caption1>
        Pick funds and what you hold: the sheet shows their look-through exposure, and its return
        and risk from your assumptions. Figures: the sponsors’ published exposures per $1 (editable
        on the sheet).
      </Caption1>
      {reading.funds.length > 0 && (
        <ul className={styles.cards} aria-label="Funds held">
          {reading.funds.map((fund) => (
            <li key={fund.ticker} className={styles.fundRow}>
              <div>
                <div className={styles.cardTitle}>{fund.ticker}</div>
                <Caption1 className={styles.muted}>{describeFund(fund)}</Caption1>
              </div>
              <Input
                className={styles.holding}
                value={state.holdings[fund.ticker] ?? ""}
                onChange={(_, data) =>
                  update({ holdings: { ...state.holdings, [fund.ticker]: data.value } })
                }
                inputMode="decimal"
                contentAfter="%"
                aria-label={`${fund.ticker} holding`}
              />
              <Button
                size="small"
                appearance="subtle"
                onClick={() => unpick(fund.ticker)}
                aria-label={`Remove ${fund.ticker}`}
              >
                ✕
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Field label="Add a fund">
        <Select value="" onChange={(_, data) => data.value && pick(data.value)}>
          <option value="">Choose a fund…</option>
          {unpickedFunds(state).map((f) => (
            <option key={f.ticker} value={f.ticker}>
              {f.ticker} · {f.description}
            </option>
          ))}
        </Select>
      </Field>

      {preview && (
        <Table size="extra-small" aria-label="Look-through exposure">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Look-through</TableHeaderCell>
              <TableHeaderCell button={{ className: styles.numberHeading }}>Held</TableHeaderCell>
              <TableHeaderCell button={{ className: styles.numberHeading }}>Mix</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {classes.map((c, k) => (
              <TableRow key={c}>
                <TableCell>{c}</TableCell>
                <TableCell className={styles.number}>
                  {percent(preview.lookThrough.exposures[k])}
                </TableCell>
                <TableCell className={styles.number}>{percent(preview.mixExposures[k])}</TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell>Total exposure</TableCell>
              <TableCell className={styles.number}>{percent(preview.lookThrough.total)}</TableCell>
              <TableCell />
            </TableRow>
            <TableRow>
              <TableCell>Financing (1 − total)</TableCell>
              <TableCell className={styles.number}>
                {percent(preview.lookThrough.financing)}
              </TableCell>
              <TableCell />
            </TableRow>
            <TableRow>
              <TableCell>Expense ratio</TableCell>
              <TableCell className={styles.number}>
                {(preview.expenseRatio * 100).toFixed(3)}%
              </TableCell>
              <TableCell />
            </TableRow>
          </TableBody>
        </Table>
      )}

      {classes.length > 0 && (
        <>
          <h3 className={styles.subheading}>Size to a target</h3>
          <Caption1>
            The exposure you want in each class; the mix is the closest the picked funds get (least
            squares), the rest in cash.
          </Caption1>
          <div className={styles.pair}>
            {classes.map((c) => (
              <TextField
                key={c}
                label={c}
                value={state.target[c] ?? ""}
                onChange={(value) => update({ target: { ...state.target, [c]: value } })}
                unit="%"
                kind="decimal"
                placeholder="0"
              />
            ))}
            <TextField
              label="Most money in funds"
              value={state.maxTotal}
              onChange={(maxTotal) => update({ maxTotal })}
              unit="%"
              kind="decimal"
            />
          </div>
          {preview && (
            <Caption1 aria-live="polite">
              Mix:{" "}
              {reading.funds
                .map((f, i) => `${percent(preview.mix.weights[i])} ${f.ticker}`)
                .join(", ")}
              , {percent(1 - preview.mix.weights.reduce((s, w) => s + w, 0))} cash · distance from
              the target {percent(preview.mix.residual)}
              {preview.mix.residual < 5e-5 ? " (reached)" : ""}.
            </Caption1>
          )}

          <h3 className={styles.subheading}>Priced as</h3>
          {assets === undefined ? (
            <Caption1>Read your assumptions (step 1) to price each asset class.</Caption1>
          ) : (
            <div className={styles.pair}>
              {reading.pricing.map((p) => (
                <Field key={p.assetClass} label={p.assetClass} hint={p.how}>
                  <Select
                    value={state.mapping[p.assetClass] === undefined ? AUTOMATIC : p.asset}
                    onChange={(_, data) => {
                      const mapping = { ...state.mapping };
                      if (data.value === AUTOMATIC) delete mapping[p.assetClass];
                      else mapping[p.assetClass] = data.value;
                      update({ mapping });
                    }}
                  >
                    {state.mapping[p.assetClass] === undefined && (
                      <option value={AUTOMATIC}>{p.asset || "(none)"}</option>
                    )}
                    {assets.map((a) => (
                      <option key={a} value={a}>
                        {a}
                      </option>
                    ))}
                    <option value={LEAVE_OUT}>Leave out</option>
                  </Select>
                </Field>
              ))}
            </div>
          )}
        </>
      )}

      <div aria-live="polite" className={styles.section}>
        {assets !== undefined && reading.unmapped.length > 0 && (
          <Notice
            message={{
              intent: "warning",
              title: "Left out of return and risk",
              text: `Not priced by your assumptions: ${reading.unmapped.join(", ")}. Choose an asset for each above, or add them to your table; the sheet lists them too.`,
            }}
          />
        )}
        {reading.problems.length > 0 && (
          <Notice
            message={{
              intent: "error",
              title: "Fix these before building",
              items: reading.problems,
              itemsLabel: "Problems in the funds",
            }}
          />
        )}
      </div>
    </section>
  );
}
