import type { TestClient, TestResponse } from './test-app.js';

/** persons.create needs a search first (search-before-create): search, then create with its token. */
export async function createPerson<T = any>( // eslint-disable-line @typescript-eslint/no-explicit-any -- test bodies are asserted field by field
  c: TestClient,
  input: Record<string, unknown>,
  q = 'zz',
): Promise<TestResponse<T>> {
  const found = await c.call<{ searchToken: string }>('persons.find', { q });
  if (found.status !== 200) throw new Error(`persons.find: ${found.status} ${JSON.stringify(found.body)}`);
  return c.call<T>('persons.create', { searchToken: found.body.searchToken, ...input });
}
