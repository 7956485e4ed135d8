import { Button, Group, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "./FormError";

export interface ReviewDecisionLabels {
  /** Without it, only sending back is offered (taking back what was accepted earlier). */
  accept?: string;
  return: string;
  reason: string;
  sendBack: string;
  cancel: string;
}

/**
 * A reviewer's two answers to something handed in: accept it, or send it back with a reason the
 * other reads. The reason is required here and at the server; what was typed stays on an error.
 */
export function ReviewDecision({
  labels,
  decide,
  pending,
  error,
  reasonError,
}: {
  labels: ReviewDecisionLabels;
  decide: (decision: "accept" | "return", reason: string) => void;
  pending: boolean;
  /** The action's error, for the form. */
  error: string | null;
  /** The server's message at the reason. */
  reasonError: string | null;
}) {
  const { t } = useTranslation();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  return (
    <Stack gap="sm">
      {returning ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setMissing(!reason.trim());
            if (reason.trim()) decide("return", reason);
          }}
        >
          <Stack gap="sm">
            <Textarea
              label={labels.reason}
              required
              autosize
              minRows={2}
              maxLength={2000}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={missing ? t("validation.required", { ns: "common" }) : reasonError}
            />
            <Group>
              <Button type="submit" color="red.9" loading={pending}>
                {labels.sendBack}
              </Button>
              <Button variant="default" onClick={() => setReturning(false)}>
                {labels.cancel}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Group>
          {labels.accept && (
            <Button onClick={() => decide("accept", "")} loading={pending}>
              {labels.accept}
            </Button>
          )}
          <Button variant="default" onClick={() => setReturning(true)}>
            {labels.return}
          </Button>
        </Group>
      )}
      <FormError message={error} />
    </Stack>
  );
}
