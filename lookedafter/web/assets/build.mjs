// Build the web application's static files from node_modules into staticfiles/ (gitignored).
import { cpSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { compile } from "sass";

const out = "staticfiles";
rmSync(out, { recursive: true, force: true });
mkdirSync(`${out}/css`, { recursive: true });
const css = compile("lookedafter/web/assets/app.scss", {
  loadPaths: ["."],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin"],
});
writeFileSync(`${out}/css/app.css`, css.css);
mkdirSync(`${out}/js`, { recursive: true });
cpSync("node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js", `${out}/js/govuk-frontend.min.js`);
cpSync("node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.js", `${out}/js/moj-frontend.min.js`);
cpSync("lookedafter/web/assets/init.mjs", `${out}/js/init.mjs`);
// Images only (favicon); the GDS Transport font files are deliberately not copied.
cpSync("node_modules/govuk-frontend/dist/govuk/assets/images", `${out}/govuk/assets/images`, { recursive: true });
cpSync("node_modules/@ministryofjustice/frontend/moj/assets", `${out}/moj/assets`, { recursive: true });
console.log(`built ${out}/`);
