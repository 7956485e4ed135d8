import { Alert, List } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { VersionNoticesProps } from "../versioned-form";
import { ConflictNotice } from "./ConflictNotice";
import { FormError } from "./FormError";
import { valueAt } from "./merge";

/**
 * What a versioned form shows above or below its fields: the conflict and its two answers, the
 * new version once loaded (with the fields both sides changed, the server's value beside each),
 * a record that is gone, and the form's message. A clash is told as `clash` says, or as "field:
 * now value", with `field` naming a field by its path and `value` showing the server's value
 * (by default as it is).
 */
export function VersionNotices<Values>({
  state,
  formError,
  onReload,
  onKeep,
  field,
  value,
  gone,
  clash,
}: VersionNoticesProps<Values> & {
  clash?: (path: string) => string;
  field?: (path: string) => string;
  value?: (path: string, fresh: Values) => string;
  gone?: string;
}) {
  const { t } = useTranslation();
  const shown = (path: string, fresh: Values) => {
    if (value) return value(path, fresh);
    const found = valueAt(fresh, path);
    return found === "" || found === null || found === undefined ? t("conflict.empty") : String(found);
  };
  return (
    <>
      {state.conflict && <ConflictNotice onReload={onReload} onDismiss={onKeep} />}
      {state.gone && gone && (
        <Alert color="blue" variant="light" role="status">
          {gone}
        </Alert>
      )}
      {(state.reloaded || state.clashes.length > 0) && (
        <Alert color="blue" variant="light" role="status">
          {t("conflict.reloaded")}
          {state.clashes.length > 0 && state.fresh && (
            <>
              <br />
              {t("conflict.changedWhileEditing")}
              <List size="sm" mt={4}>
                {state.clashes.map((path) => (
                  <List.Item key={path}>
                    {clash
                      ? clash(path)
                      : field
                        ? t("conflict.serverValue", { field: field(path), value: shown(path, state.fresh as Values) })
                        : path}
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Alert>
      )}
      <FormError message={formError} />
    </>
  );
}
