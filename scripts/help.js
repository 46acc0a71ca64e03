/**
 * The help pages served with the add-in (dist/help/): one per function, which Excel opens from "Help on this
 * function" (its helpUrl in functions.json), and an index, which the manifest's SupportUrl and Get Started link
 * point at. Rendered at build time from scripts/docs.js' reference (dist/functions.json + docs/examples.json) and
 * the README's Conventions section, into docs/help/template.html; so a new function gets its page from its
 * JSDoc and its docs/examples.json entry alone.
 */
const fs = require("fs");
const path = require("path");
const { conventions, helpFile, reference } = require("./docs.js");

const root = path.resolve(__dirname, "..");
const templateFile = path.join(root, "docs", "help", "template.html");
const styleFile = path.join(root, "docs", "help", "help.css");

function escape(text) {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** The inline Markdown of the README's prose: `code`, **bold**, *emphasis*. */
function inline(markdown) {
  return escape(markdown)
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/\*([^*]+)\*/g, "<em>$1</em>");
}

/** Paragraphs (blank-line separated) and "- " lists of the README's prose. */
function blocks(markdown) {
  return markdown
    .split(/\n\s*\n/)
    .map((block) => {
      const lines = block.split("\n").map((line) => line.trim());
      if (lines.every((line) => line.startsWith("- ")))
        return `<ul>${lines.map((line) => `<li>${inline(line.slice(2))}</li>`).join("")}</ul>`;
      return `<p>${inline(lines.join(" "))}</p>`;
    })
    .join("\n");
}

/** A page of the template, its style inlined: Excel opens one URL, which then needs nothing else. */
function page(template, style, title, body) {
  return template
    .replace("{{style}}", style)
    .replace("{{title}}", escape(title))
    .replace("{{body}}", body);
}

function functionPage(entry, byId, conventionsHtml) {
  const args = entry.args.map((a) => {
    const choices = a.choices.length
      ? `<ul class="choices">${a.choices
          .map((c) => `<li><code>${escape(c.value)}</code> ${inline(c.tooltip)}</li>`)
          .join("")}</ul>`
      : "";
    return `<tr><td><code>${escape(a.name)}</code></td><td>${escape(a.kind)}</td><td>${inline(a.meaning)}${choices}</td></tr>`;
  });
  const related = entry.related.map((id) => {
    const r = byId.get(id);
    return `<li><a href="${helpFile(id)}">STACK.${escape(r.name)}</a>: ${inline(r.description)}</li>`;
  });
  return [
    `<h1>STACK.${escape(entry.name)}</h1>`,
    `<pre><code>${escape(entry.syntax)}</code></pre>`,
    `<p>${inline(entry.description)}</p>`,
    `<p>Result: ${entry.spills ? "a spilled range" : "one value"}.</p>`,
    "<h2>Arguments</h2>",
    "<table><thead><tr><th>argument</th><th>kind</th><th>meaning</th></tr></thead>",
    `<tbody>${args.join("\n")}</tbody></table>`,
    "<h2>Example</h2>",
    `<pre><code>${escape(entry.example.formula)}</code></pre>`,
    `<p>returns <code>${escape(entry.example.result)}</code> (${inline(entry.example.source)})</p>`,
    "<h2>Conventions</h2>",
    conventionsHtml,
    "<h2>Related functions</h2>",
    `<ul>${related.join("\n")}</ul>`,
  ].join("\n");
}

function indexPage(entries, conventionsHtml) {
  const rows = entries.map(
    (e) =>
      `<tr><td><a href="${helpFile(e.id)}">STACK.${escape(e.name)}</a></td><td>${inline(e.description)}</td></tr>`
  );
  return [
    "<h1>Stack functions</h1>",
    "<p>Type <code>=STACK.</code> in any cell for the functions below; Excel lists them as you type and shows " +
      "each argument. <strong>Home &gt; Stack</strong> opens the pane, which imports capital market " +
      "assumptions or return series and builds portfolio and backtest sheets from these functions.</p>",
    "<table><thead><tr><th>function</th><th>what it returns</th></tr></thead>",
    `<tbody>${rows.join("\n")}</tbody></table>`,
    '<h2 id="conventions">Conventions</h2>',
    conventionsHtml,
  ].join("\n");
}

/**
 * Every file of dist/help/, as [name, content] pairs: index.html and one page per function.
 * @param {{ functionsJson: object, examples: object[], readme: string }} source
 */
function helpFiles({ functionsJson, examples, readme }) {
  const template = fs.readFileSync(templateFile, "utf8");
  const style = fs.readFileSync(styleFile, "utf8");
  const entries = reference(functionsJson, examples);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const conventionsHtml = blocks(conventions(readme));
  return [
    ["index.html", page(template, style, "Stack functions", indexPage(entries, conventionsHtml))],
    ...entries.map((e) => [
      helpFile(e.id),
      page(template, style, `STACK.${e.name}`, functionPage(e, byId, conventionsHtml)),
    ]),
  ];
}

module.exports = { helpFiles, sources: [templateFile, styleFile] };
