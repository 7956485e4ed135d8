import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import "../texts";

/** The billing summary of a trajectory, as PDF and as CSV. */
export function BillingLinks({ trajectoryId }: { trajectoryId: string }) {
  const { t } = useTranslation("trajectories");
  const base = `/api/v1/trajectories/${encodeURIComponent(trajectoryId)}`;
  return (
    <Group gap="sm">
      <Button component="a" href={`${base}/billing.pdf`} download variant="light" size="sm">
        {t("hours.billingPdf")}
      </Button>
      <Button component="a" href={`${base}/billing.csv`} download variant="light" size="sm">
        {t("hours.billingCsv")}
      </Button>
    </Group>
  );
}
