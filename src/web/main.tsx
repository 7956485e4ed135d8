import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./shell/global.css";
import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode, useMemo } from "react";
import { createRoot } from "react-dom/client";
import { useTranslation } from "react-i18next";
import { RouterProvider } from "react-router";
import { applyLanguage, storedLanguage, useSession } from "./session";
import "./i18n";
import { router } from "./router";
import { cssVariablesResolver, themeFor } from "./shell/theme";

applyLanguage(storedLanguage());

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

/** The organisation's colour is the theme: switching organisation re-themes the whole UI. */
function ThemedApp() {
  const color = useSession().data?.organisation?.primaryColor;
  // `t` changes with the language, and the labels with it.
  const { t } = useTranslation();
  const theme = useMemo(
    () =>
      themeFor(color, {
        close: t("actions.close"),
        saturation: t("colorPicker.saturation"),
        hue: t("colorPicker.hue"),
        alpha: t("colorPicker.alpha"),
        togglePassword: t("togglePassword"),
      }),
    [color, t],
  );
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Notifications />
      <RouterProvider router={router} />
    </MantineProvider>
  );
}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <ThemedApp />
      </QueryClientProvider>
    </StrictMode>,
  );
}
