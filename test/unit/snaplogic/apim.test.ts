import { describe, expect, it } from '@jest/globals';
import { readSnapLogicMessage } from '../../../shared/vendors/snaplogic/apim.js';
import { describeAsset } from '../../../actions/apim-migrate/src/migrate.js';

describe('readSnapLogicMessage', () => {
  it('reads the response_map error, an error list, or a top-level message', () => {
    expect(readSnapLogicMessage({ response_map: { error: 'Unauthorized' }, http_status_code: 401 })).toBe(
      'Unauthorized',
    );
    expect(readSnapLogicMessage({ response_map: { error_list: ['a', { b: 1 }] } })).toBe('a; {"b":1}');
    expect(readSnapLogicMessage({ message: 'Not Found' })).toBe('Not Found');
    expect(readSnapLogicMessage({ response_map: {} })).toBeUndefined();
    expect(readSnapLogicMessage('text')).toBeUndefined();
  });
});

describe('describeAsset', () => {
  it('puts name, type and message first, then every other field', () => {
    expect(
      describeAsset({
        snode_id: 'abc',
        name: 'prod-db',
        asset_type: 'Account',
        message: 'needs trust',
        error: 'needs trust',
        code: 7,
      }),
    ).toBe('prod-db (Account): needs trust [snode_id: abc, code: 7]');
  });

  it('shows entries without the documented fields as they are', () => {
    expect(describeAsset({ error: 'boom', path: '/a/b' })).toBe('unnamed asset: boom [path: /a/b]');
    expect(describeAsset({ name: 'x' })).toBe('x');
  });
});
