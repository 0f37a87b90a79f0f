/**
 * A row selected as JSON (`json_build_object`, `row_to_json`): timestamps arrive as ISO strings, not
 * Dates. Presenters that take both a row and its JSON form accept either (`new Date(x)`).
 */
export type AsJson<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
