/**
 * What both parts of the pane share: messages (a Fluent MessageBar), and building a sheet — the layout
 * handed to the writer with an AbortController, a progress bar counting round trips to Excel, a Cancel
 * button, and the outcome in plain words (src/excel/errors.ts explains Office's errors).
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
} from "@fluentui/react-components";
import * as React from "react";
import { cleanCancel, explain } from "../excel/errors";
import { buildSheet, BuildProgress, BuildResult } from "../excel/writer";
import type { Layout } from "../sheets/layout";
import { usePaneStyles } from "./styles";

export type Message = {
  readonly intent: "success" | "error" | "warning" | "info";
  readonly title?: string;
  readonly text?: string;
  /** Shown as a list under the text. */
  readonly items?: readonly string[];
  /** The list's accessible name, e.g. "Problems found". */
  readonly itemsLabel?: string;
};

export function Notice({ message }: { readonly message: Message }): React.JSX.Element {
  const styles = usePaneStyles();
  return (
    <MessageBar intent={message.intent} layout="multiline">
      <MessageBarBody>
        {message.title && <MessageBarTitle>{message.title}</MessageBarTitle>}
        {message.text && <div>{message.text}</div>}
        {message.items && message.items.length > 0 && (
          <ul className={styles.list} aria-label={message.itemsLabel}>
            {message.items.map((item, k) => (
              <li key={k}>{item}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Today as yyyy-mm-dd, the build date shown under a sheet's title. */
export const today = () => new Date().toLocaleDateString("en-CA");

/** "2 round trips to Excel" */
export const roundTrips = (result: BuildResult) =>
  `${result.roundTrips} round trip${result.roundTrips === 1 ? "" : "s"} to Excel`;

export interface SheetBuild {
  /** While a build runs: round trips done and planned (total 0 until the first one is done). */
  readonly progress?: BuildProgress;
  readonly cancelling: boolean;
  readonly outcome?: Message;
  setOutcome(outcome: Message | undefined): void;
  /**
   * Lay out the sheet and build it; `describe` words the success. A layout that cannot be made (its
   * message is for the user) and Office's errors end as an error message, a cancel as a warning.
   */
  run(layout: () => Layout, describe: (result: BuildResult) => Message): Promise<void>;
  cancel(): void;
}

/**
 * What the pane says when a build did not finish: a cancel that left nothing is a warning; a failure,
 * or a sheet that could not be removed (which the text names, with how to remove it), an error.
 */
export function failureMessage(error: unknown): Message {
  const clean = cleanCancel(error);
  return {
    intent: clean ? "warning" : "error",
    title: clean ? undefined : "The sheet was not built",
    text: explain(error),
  };
}

/** One sheet build at a time, with its progress, cancel and outcome. */
export function useSheetBuild(): SheetBuild {
  const [progress, setProgress] = React.useState<BuildProgress | undefined>();
  const [cancelling, setCancelling] = React.useState(false);
  const [outcome, setOutcome] = React.useState<Message | undefined>();
  const abort = React.useRef<AbortController | undefined>();

  const run = async (layout: () => Layout, describe: (result: BuildResult) => Message) => {
    let planned: Layout;
    try {
      planned = layout();
    } catch (error) {
      setOutcome({
        intent: "error",
        title: "Nothing was written",
        text: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ done: 0, total: 0 });
    setOutcome(undefined);
    try {
      const result = await buildSheet(planned, {
        signal: controller.signal,
        onProgress: setProgress,
      });
      setOutcome(describe(result));
    } catch (error) {
      setOutcome(failureMessage(error));
    } finally {
      abort.current = undefined;
      setProgress(undefined);
      setCancelling(false);
    }
  };
  const cancel = () => {
    setCancelling(true);
    abort.current?.abort();
  };
  return { progress, cancelling, outcome, setOutcome, run, cancel };
}

/** The build button, and while building a progress bar with its round trips and a Cancel button; then the outcome. */
export function BuildControls({
  build,
  label,
  disabled,
  onBuild,
}: {
  readonly build: SheetBuild;
  readonly label: string;
  readonly disabled: boolean;
  readonly onBuild: () => void;
}): React.JSX.Element {
  const styles = usePaneStyles();
  const { progress, cancelling, outcome } = build;
  const status = !progress
    ? undefined
    : cancelling
      ? "Cancelling…"
      : progress.total === 0
        ? "Reading the workbook…"
        : `Writing to Excel: ${progress.done} of ${progress.total} round trips done`;
  return (
    <>
      <div className={styles.row}>
        <Button
          appearance="primary"
          onClick={onBuild}
          disabled={disabled || progress !== undefined}
        >
          {label}
        </Button>
        {progress && (
          <Button onClick={build.cancel} disabled={cancelling}>
            Cancel
          </Button>
        )}
      </div>
      {progress && (
        <div className={styles.panel}>
          <ProgressBar
            value={progress.total === 0 ? undefined : progress.done / progress.total}
            aria-label="Building the sheet"
          />
          <Text size={200} aria-live="polite">
            {status}
          </Text>
        </div>
      )}
      <div aria-live="polite">{outcome && <Notice message={outcome} />}</div>
    </>
  );
}
