// Generates src/generated/openapi.ts, the REST API's wire types (imported through src/api-types.ts), from openapi.json with openapi-typescript.
// openapi.json is the document carved serves (./build.sh fails when it is out of date; ./build.sh --update-openapi
// rewrites it). `npm run build` runs this first; `npm run types` runs it alone.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';

const document = JSON.parse(await readFile(new URL('../openapi.json', import.meta.url), 'utf8'));
const schemas = document.components.schemas;

// carved leaves out null fields and nothing else (CarveJson: WhenWritingNull), so in what it sends, every property
// that cannot be null is always there. The document marks only C#'s `required` ones as required, which is right for
// request bodies (a default fills the rest) but would make every other response field look optional. So: each schema
// a response can contain gets its non-nullable properties added to `required`.
const refsIn = (node, found = new Set()) => {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.add(value.split('/').pop());
      else refsIn(value, found);
    }
  }
  return found;
};
const sent = new Set();
const pending = [...refsIn(Object.values(document.paths).flatMap((item) => Object.values(item).map((op) => op.responses ?? {})))];
while (pending.length > 0) {
  const name = pending.pop();
  if (sent.has(name) || !schemas[name]) continue;
  sent.add(name);
  pending.push(...refsIn(schemas[name]));
}
const nullable = (s) => [s.type].flat().includes('null') || (s.oneOf ?? s.anyOf ?? []).some((o) => o.type === 'null');
for (const name of sent) {
  const schema = schemas[name];
  const always = Object.entries(schema.properties ?? {}).filter(([, s]) => !nullable(s)).map(([p]) => p);
  schema.required = [...new Set([...(schema.required ?? []), ...always])];
}

// Every schema also gets an alias of its own name (VmView = components["schemas"]["VmView"]), and RequestBody is
// the union of those a request can send, which is what api() takes as a body.
const bodies = [...refsIn(Object.values(document.paths).flatMap((item) => Object.values(item).map((op) => op.requestBody ?? {})))].sort();
const types = astToString(await openapiTS(document, { rootTypes: true, rootTypesNoSchemaPrefix: true, rootTypesKeepCasing: true }));
const header = '// Generated from openapi.json by scripts/generate-types.mjs (npm run types): do not edit.\n\n';
const requestBody = `\n/** Every body a request to the API can send. */\nexport type RequestBody = ${bodies.join(' | ')};\n`;
const target = new URL('../src/generated/openapi.ts', import.meta.url);
await mkdir(new URL('.', target), { recursive: true });
await writeFile(target, header + types + requestBody);
