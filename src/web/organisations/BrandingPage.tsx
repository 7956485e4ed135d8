import {
  Alert,
  Box,
  Button,
  ColorInput,
  ColorSwatch,
  FileInput,
  Group,
  Image,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { MIN_TEXT_CONTRAST, parseHexColor, whiteTextContrast } from "../../domain/organisations/contrast";
import { LOGO_MIME_TYPES, sniffLogoType } from "../../domain/organisations/logo";
import { api } from "../api";
import { sessionQueryKey } from "../session";
import { FormError } from "../shell/FormError";
import { Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { shadesOf } from "../shell/theme";
import { VersionNotices } from "../shell/VersionNotices";
import { useVersionedForm } from "../versioned-form";
import "./texts";

interface Branding {
  id: string;
  name: string;
  primaryColor: string;
  logoUrl: string | null;
  logoMime: string | null;
  logoUpdatedAt: string | null;
  version: number;
  logoMaxBytes: number;
}

interface Values extends Record<string, unknown> {
  name: string;
  primaryColor: string;
  logo: File | null;
}

const brandingKey = ["organisation", "branding"] as const;
const SWATCHES = ["#1c7ed6", "#1864ab", "#237a35", "#1b5e20", "#7048e8", "#c2255c", "#e8590c", "#0b7285", "#343a40"];

export default function BrandingPage() {
  const { t } = useTranslation("organisations");
  const query = useQuery({ queryKey: brandingKey, queryFn: () => api<Branding>("/organisation/branding") });

  return (
    <Stack maw={960}>
      <PageTitle>{t("title")}</PageTitle>
      <Text>{t("intro")}</Text>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <FormError message={query.error.message} />
      ) : (
        <BrandingForm branding={query.data} reload={async () => (await query.refetch()).data} />
      )}
    </Stack>
  );
}

/** A picked file as an address the preview can show; let go of it when the file changes. */
function useObjectUrl(file: File | null) {
  const url = useMemo(() => (file ? URL.createObjectURL(file) : null), [file]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url;
}

function BrandingForm({ branding, reload }: { branding: Branding; reload: () => Promise<Branding | undefined> }) {
  const { t, i18n } = useTranslation("organisations");
  const queryClient = useQueryClient();
  const maxKb = Math.floor(branding.logoMaxBytes / 1024);
  const { form, onSubmit, save, pendingIntent, notices } = useVersionedForm({
    row: branding,
    toForm: (row): Values => ({ name: row.name, primaryColor: row.primaryColor, logo: null }),
    version: (row) => row.version,
    reload,
    save: async (values: Values, version, intent: "save" | "removeLogo", form) => {
      if (intent === "removeLogo") {
        const saved = await api<Branding>(`/organisation/logo?version=${version}`, { method: "DELETE" });
        form.setFieldValue("logo", null);
        // What was typed in the other fields stays: the new version is merged in.
        await applied(saved);
        return;
      }
      let latest = { ...branding, version: version ?? branding.version };
      if (values.logo) {
        const data = new FormData();
        data.append("logo", values.logo);
        latest = await api<Branding>(`/organisation/logo?version=${latest.version}`, { form: data });
        form.setFieldValue("logo", null);
        await applied(latest);
      }
      const primaryColor = values.primaryColor.trim();
      if (values.name.trim() !== latest.name || primaryColor.toLowerCase() !== latest.primaryColor) {
        latest = await api<Branding>("/organisation/branding", {
          method: "PUT",
          body: { name: values.name, primaryColor, version: latest.version },
        });
        await applied(latest);
      }
      return latest;
    },
    onSaved: (_, intent) =>
      notifications.show({ color: "green", message: t(intent === "removeLogo" ? "logoRemoved" : "saved") }),
  });
  const [pickerOpen, setPickerOpen] = useState(false);
  const colorInput = form.getInputProps("primaryColor");
  const pickedLogoUrl = useObjectUrl(form.values.logo);
  // A file the check refused is not shown: it may not be an image at all.
  const newLogoUrl = form.errors.logo ? null : pickedLogoUrl;

  const color = form.values.primaryColor.trim();
  const validColor = parseHexColor(color) !== null;
  const ratio = whiteTextContrast(color);
  const ratioText =
    ratio === null ? "" : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(ratio);
  const previewLogo = newLogoUrl ?? branding.logoUrl;
  // The app draws its header and buttons in the theme's shade 7 of the colour: the preview does the same.
  const shade = validColor ? shadesOf(color)[7] : undefined;
  const previewName = form.values.name.trim() || branding.name;

  /** The server's answer is the truth: keep it, and let the whole UI take the new look. */
  async function applied(saved: Branding) {
    queryClient.setQueryData(brandingKey, saved);
    await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
  }

  /** Checks the picked file the way the server will (content, size), so the answer comes at once. */
  async function pickLogo(file: File | null) {
    form.setFieldValue("logo", file);
    form.clearFieldError("logo");
    if (!file) return;
    if (file.size > branding.logoMaxBytes) {
      form.setFieldError("logo", t("form.logoSize", { max: maxKb }));
      return;
    }
    const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
    if (!sniffLogoType(head)) form.setFieldError("logo", t("form.logoType"));
  }

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Paper withBorder p="md" component="section" aria-labelledby="branding-settings">
        <Title order={3} size="h4" mb="sm" id="branding-settings">
          {t("form.heading")}
        </Title>
        <form noValidate onSubmit={onSubmit("save")}>
          <Stack>
            <VersionNotices {...notices} />
            <TextInput label={t("form.name")} required maxLength={200} {...form.getInputProps("name")} />
            <ColorInput
              label={t("form.color")}
              description={t("form.colorHint")}
              required
              format="hex"
              swatches={SWATCHES}
              swatchesPerRow={9}
              withEyeDropper={false}
              // What was typed stays until the person changes it, even if it is no colour: the
              // preview and, on saving, the field's message say so. (Mantine would silently put back
              // the last valid colour on leaving the field, moving the page under the pointer.)
              fixOnBlur={false}
              {...colorInput}
              // The picker opens on a click only and closes with Escape or on leaving the field:
              // focus alone (also after a refused save) would cover the field's message. It is drawn
              // in the page, not in a portal, so it stays inside the main landmark.
              popoverProps={{ withinPortal: false, opened: pickerOpen }}
              onClick={() => setPickerOpen(true)}
              onBlur={(event) => {
                setPickerOpen(false);
                colorInput.onBlur?.(event);
              }}
              onKeyDown={(event) => {
                if (event.key === "Escape") setPickerOpen(false);
              }}
            />
            <FileInput
              label={t("form.logo")}
              description={t("form.logoHint", { max: maxKb })}
              placeholder={t("form.logoPlaceholder")}
              accept={LOGO_MIME_TYPES.join(",")}
              clearable
              clearButtonProps={{ "aria-label": t("form.logoClear") }}
              value={form.values.logo}
              onChange={(file) => void pickLogo(file)}
              error={form.errors.logo}
              styles={{ placeholder: { color: "var(--mantine-color-dimmed)" } }}
            />
            <Group gap="sm" wrap="wrap">
              <Button type="submit" loading={pendingIntent === "save"} disabled={Boolean(form.errors.logo)}>
                {t("form.save")}
              </Button>
              {branding.logoUrl && (
                <Button
                  variant="default"
                  onClick={() => save(form.getValues(), "removeLogo")}
                  loading={pendingIntent === "removeLogo"}
                >
                  {t("form.removeLogo")}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="branding-preview">
        <Title order={3} size="h4" mb="xs" id="branding-preview">
          {t("preview.heading")}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t("preview.intro")}
        </Text>
        {validColor ? (
          <Stack gap="md">
            <Box
              bg={shade}
              c="white"
              p="sm"
              style={{ borderRadius: "var(--mantine-radius-sm)" }}
              aria-label={t("preview.header")}
              role="img"
            >
              <Group gap="sm" wrap="nowrap">
                {previewLogo && <Image src={previewLogo} alt="" h={36} w={36} radius="sm" bg="white" fit="contain" />}
                <Text fw={700} fz="h4" lineClamp={1}>
                  {previewName}
                </Text>
              </Group>
            </Box>
            <Group gap="md" wrap="wrap">
              <ColorSwatch color={color} size={40} aria-label={t("preview.swatch", { color })} role="img" />
              <Button color={shade} tabIndex={-1} aria-hidden>
                {t("preview.button")}
              </Button>
              <Text size="sm" ff="monospace">
                {color.toLowerCase()}
              </Text>
            </Group>
            {ratio !== null && ratio < MIN_TEXT_CONTRAST ? (
              <Alert
                color="yellow"
                title={t("contrast.warningTitle")}
                role="status"
                data-testid="contrast-warning"
                styles={{ title: { color: "var(--mantine-color-text)" } }}
              >
                {t("contrast.warning", { ratio: ratioText })}
              </Alert>
            ) : (
              <Text size="sm" role="status">
                {t("contrast.ok", { ratio: ratioText })}
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm" role="status">
            {t("preview.invalidColor")}
          </Text>
        )}
        <Stack gap={4} mt="md">
          <Text size="sm" fw={500}>
            {newLogoUrl ? t("preview.newLogo") : t("preview.currentLogo")}
          </Text>
          {previewLogo ? (
            <Image
              src={previewLogo}
              alt={t("preview.logoAlt", { name: previewName })}
              h={96}
              w={96}
              fit="contain"
              bg="gray.0"
              radius="sm"
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t("preview.noLogo")}
            </Text>
          )}
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}
