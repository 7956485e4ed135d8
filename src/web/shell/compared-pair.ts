import { useSearchParams } from "react-router";

/**
 * Two things compared (two scans, two versions), chosen in the address as `van` and `tot`, so a
 * comparison can be shared and the back button works. By default the newest (the first of `ids`)
 * against the one before it.
 */
export function useComparedPair(ids: readonly string[]) {
  const [params, setParams] = useSearchParams();
  const to = params.get("tot") ?? ids[0] ?? "";
  const from = params.get("van") ?? ids.find((id) => id !== to) ?? "";
  const choose = (key: "van" | "tot") => (value: string | null) => {
    const next = new URLSearchParams(params);
    next.set("van", key === "van" ? (value ?? "") : from);
    next.set("tot", key === "tot" ? (value ?? "") : to);
    setParams(next, { replace: true });
  };
  return { from, to, choose };
}
