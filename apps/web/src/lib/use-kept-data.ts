import { useState } from 'react';
import type { QueryResult } from './use-query';

/**
 * The latest data a query loaded, kept on screen while it loads again (a live reload must not
 * blank the list, nor unmount a form someone is typing in). Undefined until the first load.
 */
export function useKeptData<T>(query: QueryResult<T>): T | undefined {
  const [kept, setKept] = useState<T | undefined>(undefined);
  if (query.status === 'success' && kept !== query.data) setKept(query.data);
  return query.status === 'success' ? query.data : kept;
}
