import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);

function load(name: string) {
  return ajv.compile(JSON.parse(readFileSync(new URL(`../../schema/${name}`, import.meta.url), 'utf8')));
}

// The compare schema refers to the result schema, so that one is compiled first.
const validators = {
  result: load('result.schema.json'),
  consume: load('consume-result.schema.json'),
  compare: load('compare.schema.json'),
  capacity: load('capacity.schema.json'),
  capacityMatrix: load('capacity-matrix.schema.json'),
};

/** The validator of one of the committed schemas (schema/*.schema.json). */
export function validatorOf(schema: keyof typeof validators) {
  return validators[schema];
}

/** Asserts that a JSON document matches one of the committed schemas. */
export function expectValid(document: unknown, schema: keyof typeof validators = 'result'): void {
  const validate = validators[schema];
  const ok = validate(document);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(ok).toBe(true);
}
