import type { InputOf, OutputOf, TestClient, TestResponse } from './test-app.js';

/** persons.create needs a search first (search-before-create): search, then create with its token. */
export async function createPerson(
  c: TestClient,
  input: Omit<InputOf<'persons.create'>, 'searchToken'>,
  q = 'zz',
): Promise<TestResponse<OutputOf<'persons.create'>>> {
  const found = await c.call('persons.find', { q });
  if (found.status !== 200) throw new Error(`persons.find: ${found.status} ${JSON.stringify(found.body)}`);
  return c.call('persons.create', { searchToken: found.body.searchToken!, ...input });
}
