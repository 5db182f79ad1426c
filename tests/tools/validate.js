// Validates a document against an official JSON schema, offline.
// usage: node validate.js <schema-folder> <cyclonedx|sarif|spdx3> <document.json>
// Exit 0: valid. Exit 1: invalid (errors on stdout). Exit 2: usage or unreadable input.
'use strict';
const fs = require('fs');
const path = require('path');
const addFormats = require('ajv-formats');

function main() {
  const [schemaDir, kind, docPath] = process.argv.slice(2);
  if (!schemaDir || !kind || !docPath) {
    console.error('usage: node validate.js <schema-folder> <cyclonedx|sarif|spdx3> <document.json>');
    return 2;
  }
  const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
  let ajv;
  let schema;
  if (kind === 'sarif') {
    const AjvDraft04 = require('ajv-draft-04');
    ajv = new AjvDraft04({ allErrors: true, strict: false });
    schema = readJson(path.join(schemaDir, 'sarif-schema-2.1.0.json'));
  } else if (kind === 'spdx3') {
    const Ajv2020 = require('ajv/dist/2020');
    ajv = new Ajv2020({ allErrors: true, strict: false });
    schema = readJson(path.join(schemaDir, 'spdx-3.0.1.schema.json'));
  } else if (kind === 'cyclonedx') {
    const Ajv = require('ajv');
    ajv = new Ajv({ allErrors: true, strict: false });
    // The CycloneDX schema references these by $id; resolve them from the same folder.
    for (const ref of ['spdx.schema.json', 'jsf-0.82.schema.json']) {
      ajv.addSchema(readJson(path.join(schemaDir, ref)));
    }
    schema = readJson(path.join(schemaDir, 'bom-1.6.schema.json'));
  } else {
    console.error(`unknown kind ${kind}`);
    return 2;
  }
  addFormats(ajv);
  ajv.addFormat('iri-reference', true);
  ajv.addFormat('idn-email', /^[^\s@]+@[^\s@]+$/);
  let doc;
  try {
    doc = readJson(docPath);
  } catch (e) {
    console.log(`INVALID ${docPath}: not JSON: ${e.message}`);
    return 1;
  }
  const validate = ajv.compile(schema);
  if (validate(doc)) {
    console.log(`VALID ${docPath}`);
    return 0;
  }
  console.log(`INVALID ${docPath}`);
  console.log(JSON.stringify(validate.errors.slice(0, 20), null, 1));
  return 1;
}

process.exit(main());
