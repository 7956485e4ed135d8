import { Avatar, Menu, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { api } from "../api";
import { useResetSession } from "../session";

export function AccountMenu({ name }: { name: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reset = useResetSession();
  const initials = name
    .split(/\s+/)
    .map((part) => part[0])
    .filter(Boolean)
    .slice(0, 2)
    .join("")
    .toUpperCase();

  async function logout() {
    await api("/auth/logout", { method: "POST" });
    await reset();
    navigate("/inloggen");
  }

  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <UnstyledButton>
          <VisuallyHidden>{t("account.menu", { name })}</VisuallyHidden>
          <Avatar color="white" variant="filled" radius="xl" size="md" aria-hidden>
            <span style={{ color: "var(--mantine-color-brand-9)" }}>{initials}</span>
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{name}</Menu.Label>
        <Menu.Item component={Link} to="/mijn-gegevens">
          {t("account.profile")}
        </Menu.Item>
        <Menu.Item component={Link} to="/mijn-gegevens/inzage">
          {t("account.accessLog")}
        </Menu.Item>
        <Menu.Item component={Link} to="/agenda">
          {t("account.calendar")}
        </Menu.Item>
        <Menu.Item onClick={logout}>{t("account.logout")}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
