/**
 * The Stack pane: three parts under tabs — "Stacked portfolio" (capital market assumptions → a live
 * stacked-portfolio sheet, CmaPanel.tsx), "Backtest" (historical series → a live backtest sheet,
 * BacktestPanel.tsx) and "Share" (a sheet as values, for people without Stack, SharePanel.tsx). Both stay mounted, so switching tabs loses nothing; the pane opens on the part
 * used last.
 */
import { Caption1, Tab, TabList } from "@fluentui/react-components";
import * as React from "react";
import { BacktestPanel } from "./BacktestPanel";
import { CmaPanel } from "./CmaPanel";
import { hostDescription, PanePart, recall, remember } from "./office-helpers";
import { SharePanel } from "./SharePanel";
import { usePaneStyles } from "./styles";

const PARTS: readonly {
  readonly value: PanePart;
  readonly label: string;
  readonly panel: () => React.JSX.Element;
}[] = [
  { value: "cma", label: "Stacked portfolio", panel: CmaPanel },
  { value: "backtest", label: "Backtest", panel: BacktestPanel },
  { value: "share", label: "Share", panel: SharePanel },
];

export function App(): React.JSX.Element {
  const styles = usePaneStyles();
  const [part, setPart] = React.useState<PanePart>(() => recall("part") ?? "cma");
  const choose = (next: PanePart) => {
    setPart(next);
    remember("part", next);
  };
  return (
    <main className={styles.pane}>
      <header className={styles.header}>
        <h1 className={styles.title}>Stack</h1>
        <TabList
          className={styles.tabs}
          selectedValue={part}
          onTabSelect={(_, data) => choose(data.value as PanePart)}
          aria-label="What to build"
        >
          {PARTS.map((p) => (
            <Tab
              key={p.value}
              value={p.value}
              id={`part-${p.value}`}
              aria-controls={`part-${p.value}-panel`}
            >
              {p.label}
            </Tab>
          ))}
        </TabList>
      </header>
      {PARTS.map(({ value, panel: Panel }) => (
        <div
          key={value}
          id={`part-${value}-panel`}
          role="tabpanel"
          aria-labelledby={`part-${value}`}
          className={styles.part}
          hidden={part !== value}
        >
          <Panel />
        </div>
      ))}
      <Caption1 className={styles.footer}>Running in {hostDescription()}</Caption1>
    </main>
  );
}
