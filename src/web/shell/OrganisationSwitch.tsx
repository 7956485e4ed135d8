import { NativeSelect } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api } from "../api";
import { useResetSession, useSession } from "../session";

/** For a person in several organisations: the whole UI takes the chosen one's look. */
export function OrganisationSwitch({ onSwitched }: { onSwitched?: () => void }) {
  const { t } = useTranslation();
  const session = useSession().data;
  const reset = useResetSession();
  const navigate = useNavigate();
  if (!session?.organisation) return null;

  async function change(organisationId: string) {
    await api("/auth/organisation", { method: "POST", body: { organisationId } });
    await reset();
    const name = session?.organisations.find((o) => o.id === organisationId)?.name ?? "";
    notifications.show({ message: t("organisation.switched", { name }) });
    onSwitched?.();
    navigate("/");
  }

  return (
    <NativeSelect
      mb="md"
      label={t("organisation.switch")}
      value={session.organisation.id}
      onChange={(event) => change(event.currentTarget.value)}
      data={session.organisations.map((o) => ({ value: o.id, label: o.name }))}
    />
  );
}
