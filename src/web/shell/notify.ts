import { notifications } from "@mantine/notifications";
import { i18n } from "../i18n";

/** A short confirmation; its close button needs a name like every other button. */
export function notifySuccess(message: string) {
  notifications.show({ color: "green", message, closeButtonProps: { "aria-label": i18n.t("actions.close") } });
}
