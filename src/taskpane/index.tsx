/**
 * The taskpane's entry: once Office.js is ready, render the pane inside Fluent UI's provider with the
 * web light theme, as Microsoft's Office add-in templates do. The functions chunk, loaded by the same
 * page (shared runtime), registers the =STACK.* functions on its own.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";

Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <React.StrictMode>
      <FluentProvider theme={webLightTheme}>
        <App />
      </FluentProvider>
    </React.StrictMode>
  );
});
