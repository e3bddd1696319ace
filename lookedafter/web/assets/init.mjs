// Start the GOV.UK and MOJ components on every page (loaded as a module: no inline script).
import { initAll } from "./govuk-frontend.min.js";
import { initAll as mojInitAll } from "./moj-frontend.min.js";

initAll();
mojInitAll();
