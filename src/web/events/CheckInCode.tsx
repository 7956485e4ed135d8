import { Image, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import QRCode from "qrcode";
import { useTranslation } from "react-i18next";
import { Section } from "../meetings/Section";
import { checkInPath } from "./model";
import "./texts";

/** The address a participant's code opens: the trainer's check-in list, with that participant first. */
export const checkInLink = (origin: string, eventId: string, userId: string) =>
  `${origin}${checkInPath(eventId)}?persoon=${encodeURIComponent(userId)}`;

/**
 * A participant's own code for the check-in: the trainer scans it with a phone's camera, which
 * opens the check-in list with this participant first, and ticks them off there. The code holds
 * only the address; only a trainer of the event, signed in, can tick anyone off.
 */
export function CheckInCode({ eventId, userId }: { eventId: string; userId: string }) {
  const { t } = useTranslation("events");
  const link = checkInLink(window.location.origin, eventId, userId);
  const code = useQuery({
    queryKey: ["events", "code", link],
    queryFn: () => QRCode.toDataURL(link, { margin: 1, width: 220, errorCorrectionLevel: "M" }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return (
    <Section id="check-in-code" title={t("code.heading")}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t("code.intro")}</Text>
        {code.data && <Image src={code.data} alt={t("code.alt")} w={220} h={220} />}
      </Stack>
    </Section>
  );
}
