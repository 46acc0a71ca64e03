import { hostDescription } from "./office-helpers";

Office.onReady(() => {
  const status = document.getElementById("host");
  if (status) status.textContent = `Running in ${hostDescription()}`;
});
