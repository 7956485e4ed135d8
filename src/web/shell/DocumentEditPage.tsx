import { Alert, Button, Group, List, Stack } from "@mantine/core";
import type { FormValidateInput, UseFormReturnType } from "@mantine/form";
import { type QueryClient, type UseQueryResult, useQueryClient } from "@tanstack/react-query";
import type { ComponentType } from "react";
import { useTranslation } from "react-i18next";
import { type Params, useParams } from "react-router";
import type { Localized } from "../../domain/regimes/schema";
import { api } from "../api";
import { unplacedErrors } from "../forms";
import { useRegimeText } from "../i18n/regime-text";
import { useVersionedForm } from "../versioned-form";
import { notifySuccess } from "./notify";
import { BackLink, LoadError, Loading } from "./PageStates";
import { PageTitle } from "./PageTitle";
import { VersionNotices } from "./VersionNotices";

/** A document an organisation keeps its own copy of, as the API answers it. */
export interface DocumentView {
  id: string | null;
  version: number;
  /** A document named in both languages (a regime, a framework), or titled in the one it is written in (a module). */
  document: { name: Localized } | { title: string };
}

/**
 * One kind of organisation document edited on its own page (a regime, a requirement profile):
 * where it is read and saved, its texts, and the sections of its form.
 */
export interface DocumentKind<View extends DocumentView, Values extends Record<string, unknown>> {
  /** The i18n namespace and the keys in it of the page's texts. */
  namespace: "regimes" | "evidence" | "frameworks" | "modules";
  texts: { back: string; notFound: string; save: string; saved: string; otherErrors: string };
  /** The list page the back link leads to, and the route parameter naming the document. */
  backTo: string | ((params: Readonly<Params<string>>) => string);
  param: string;
  useView: (id: string) => UseQueryResult<View>;
  toForm: (view: View) => Values;
  /** The PUT path and body of a save. */
  path: (view: View) => string;
  body: (values: Values, version: number | null) => unknown;
  /** What else shows the document once it is saved. */
  afterSave: (queryClient: QueryClient, saved: View) => Promise<unknown>;
  useValidate?: () => FormValidateInput<Values>;
  /** The fields the sections draw; a message at any other part of the document is listed at the bottom. */
  placed: readonly RegExp[];
  /** What the page says first: what the copy keeps. */
  Intro: ComponentType<{ view: View }>;
  Sections: ComponentType<{ form: UseFormReturnType<Values>; view: View }>;
}

/** The edit page of an organisation's document: load, the form on its sections, save with the version read. */
export function DocumentEditPage<View extends DocumentView, Values extends Record<string, unknown>>({
  kind,
}: {
  kind: DocumentKind<View, Values>;
}) {
  const { t } = useTranslation(kind.namespace);
  const params = useParams();
  const id = params[kind.param] ?? "";
  const query = kind.useView(id);
  const backTo = typeof kind.backTo === "string" ? kind.backTo : kind.backTo(params);
  const back = <BackLink to={backTo}>{t(kind.texts.back as "edit.back")}</BackLink>;
  if (query.isPending) return <Loading />;
  if (query.isError)
    return <LoadError back={back} error={query.error} notFound={t(kind.texts.notFound as "edit.notFound")} />;
  return (
    <Stack maw={960}>
      {back}
      <DocumentForm
        key={query.data.id}
        kind={kind}
        view={query.data}
        onReload={async () => (await query.refetch()).data}
      />
    </Stack>
  );
}

function DocumentForm<View extends DocumentView, Values extends Record<string, unknown>>({
  kind,
  view,
  onReload,
}: {
  kind: DocumentKind<View, Values>;
  view: View;
  onReload: () => Promise<View | undefined>;
}) {
  const { t } = useTranslation(kind.namespace);
  const { text } = useRegimeText();
  const queryClient = useQueryClient();
  const validate = kind.useValidate?.();
  const { form, onSubmit, pending, notices } = useVersionedForm({
    row: view,
    toForm: kind.toForm,
    version: (row) => row.version,
    reload: onReload,
    validate,
    save: (values: Values, version) => api<View>(kind.path(view), { method: "PUT", body: kind.body(values, version) }),
    onSaved: async (saved) => {
      if (saved) await kind.afterSave(queryClient, saved);
      notifySuccess(t(kind.texts.saved as "edit.saved"));
    },
  });
  const other = unplacedErrors(form.errors, kind.placed);
  const { Intro, Sections } = kind;

  return (
    <form noValidate onSubmit={onSubmit()}>
      <Stack gap="md">
        <PageTitle>{"name" in view.document ? text(view.document.name) : view.document.title}</PageTitle>
        <Intro view={view} />
        <Sections form={form} view={view} />
        <VersionNotices {...notices} />
        {other.length > 0 && (
          <Alert color="red" variant="light" role="alert" styles={{ message: { color: "var(--mantine-color-text)" } }}>
            {t(kind.texts.otherErrors as "edit.otherErrors")}
            <List size="sm">
              {other.map((message) => (
                <List.Item key={message}>{message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={pending}>
            {t(kind.texts.save as "edit.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
