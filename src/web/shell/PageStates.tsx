import { Anchor, Center, Loader, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError } from "../api";
import { PageTitle } from "./PageTitle";

/** The way back to where a page belongs, above its title. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={to} size="sm">
      ← {children}
    </Anchor>
  );
}

/** While a page, or its data, is on its way; `label` says what, where "loading" is not enough. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center p="xl">
      {/* A named spinner needs a role: a plain element may not carry a label (axe, aria-prohibited-attr). */}
      <Loader role="progressbar" aria-label={label ?? t("loading")} />
    </Center>
  );
}

/**
 * A page whose record did not load: its own "not found" text on a 404 (also another
 * organisation's record), the general error otherwise, as the page's title under the way back.
 */
export function LoadError({ back, error, notFound }: { back: ReactNode; error: unknown; notFound: string }) {
  const { t } = useTranslation();
  const missing = error instanceof ApiError && error.status === 404;
  return (
    <Stack>
      {back}
      <PageTitle>{missing ? notFound : t("errors.generic")}</PageTitle>
    </Stack>
  );
}
