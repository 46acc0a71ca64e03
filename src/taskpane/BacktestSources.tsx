/**
 * The backtest part's data section: add CSV files or read the selected range, and see each source's
 * detected format and series (name, kind, first and last date, count), with a button to remove it.
 */
import { Button, Caption1, Text } from "@fluentui/react-components";
import * as React from "react";
import { describeSeries, FORMAT_NAMES, type LoadedSeries, type Source } from "./series-sources";
import { usePaneStyles } from "./styles";

export interface BacktestSourcesProps {
  readonly sources: readonly Source[];
  /** Each source's series with the names the pane uses (see seriesBySource). */
  readonly series: readonly (readonly LoadedSeries[])[];
  readonly busy: boolean;
  onFiles(files: readonly File[]): void;
  onRange(): void;
  onRemove(label: string): void;
}

export function BacktestSources({
  sources,
  series: named,
  busy,
  onFiles,
  onRange,
  onRemove,
}: BacktestSourcesProps): React.JSX.Element {
  const styles = usePaneStyles();
  const fileInput = React.useRef<HTMLInputElement>(null);
  return (
    <>
      <div className={styles.row}>
        <Button onClick={() => fileInput.current?.click()} disabled={busy}>
          Add CSV files…
        </Button>
        <Button onClick={onRange} disabled={busy}>
          Read selected range
        </Button>
      </div>
      <input
        ref={fileInput}
        type="file"
        multiple
        accept=".csv,.txt,text/csv,text/plain"
        aria-label="CSV files of prices, returns or rates"
        hidden
        onChange={(event) => {
          onFiles(Array.from(event.target.files ?? []));
          event.target.value = "";
        }}
      />
      <Caption1>
        Yahoo Finance, FRED or Kenneth French downloads, or a Date column then value columns (a
        range: select it with its header row). Prices become returns; rates in percent become
        decimals.
      </Caption1>
      {sources.length > 0 && (
        <ul className={styles.cards} aria-label="Data read">
          {sources.map((source, s) => (
            <li key={source.label} className={styles.card}>
              <div className={styles.cardHeader}>
                <h3 className={styles.cardTitle}>{source.label}</h3>
                <Button
                  size="small"
                  appearance="subtle"
                  onClick={() => onRemove(source.label)}
                  aria-label={`Remove ${source.label}`}
                >
                  Remove
                </Button>
              </div>
              <Caption1 className={styles.muted}>
                {source.origin === "range" ? "Range in this workbook" : FORMAT_NAMES[source.format]}{" "}
                · {source.series.length} series
              </Caption1>
              <ul className={styles.seriesList}>
                {named[s].map((series) => (
                  <li key={series.column}>
                    <Text weight="semibold">{series.name}</Text>{" "}
                    <Text size={200}>({series.kind === "rates" ? "rate" : "returns"})</Text>
                    <br />
                    <Caption1 className={styles.muted}>{describeSeries(series)}</Caption1>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
