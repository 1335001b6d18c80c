// Renders a Vega-Lite spec (written by the harness next to its Markdown) to SVG, headless: Vega's SVG renderer
// needs no browser and no canvas.
//   node render.mjs results/<run>.vl.json results/<run>.svg
import { readFileSync, writeFileSync } from 'node:fs';
import * as vega from 'vega';
import { compile } from 'vega-lite';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node render.mjs SPEC.vl.json OUT.svg');
  process.exit(2);
}

const spec = JSON.parse(readFileSync(input, 'utf8'));
const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
writeFileSync(output, await view.toSVG());
console.log(`chart: ${output}`);
