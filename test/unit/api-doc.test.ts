import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_DOC_PATH, renderApiDoc } from '../../scripts/api-doc';
import { CALL_NAMES } from '../../shared/api/contract';

describe('docs/API.md', () => {
  it('lists every call of the contract and is up to date (npm run docs:api)', () => {
    const doc = renderApiDoc();
    for (const name of CALL_NAMES) expect(doc).toContain(`### ${name}\n`);
    expect(fs.readFileSync(API_DOC_PATH, 'utf8')).toBe(doc);
  });
});
