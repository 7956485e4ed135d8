import { useRef } from "react";
import { useSearchParams } from "react-router";

/**
 * A list's search fields kept in the address, so a search can be shared and survives a reload.
 * Each change starts from the search as last set, not as the current render saw it: two fields
 * changed before the page renders again (a date typed, then the next) both stay. `resetPage`
 * goes back to the first page when a field changes.
 */
export function useSearchFilters<F extends string>(names: readonly F[], options: { resetPage?: boolean } = {}) {
  const [params, setParams] = useSearchParams();
  const latest = useRef(params);
  const shown = useRef(params.toString());
  if (params.toString() !== shown.current) {
    shown.current = params.toString();
    latest.current = params;
  }
  const filters = Object.fromEntries(names.map((name) => [name, params.get(name) ?? ""])) as Record<F, string>;

  function apply(next: URLSearchParams) {
    latest.current = next;
    setParams(next, { replace: true });
  }

  return {
    params,
    filters,
    /** Whether any field is filled in. */
    any: names.some((name) => filters[name]),
    setFilter(name: F, value: string | null) {
      const next = new URLSearchParams(latest.current);
      if (value) next.set(name, value);
      else next.delete(name);
      if (options.resetPage) next.delete("page");
      apply(next);
    },
    clear() {
      apply(new URLSearchParams());
    },
    setPage(page: number) {
      const next = new URLSearchParams(latest.current);
      next.set("page", String(page));
      latest.current = next;
      setParams(next);
    },
  };
}
