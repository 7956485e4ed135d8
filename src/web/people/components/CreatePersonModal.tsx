import { Button, Group, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api } from "../../api";
import { useApiSubmit } from "../../forms";
import { Dialog } from "../../shell/Dialog";
import { FormError } from "../../shell/FormError";
import { notifySuccess } from "../../shell/notify";
import { emptyPerson, type PersonDetail, type PersonFormValues, peopleKeys, personBody } from "./model";
import { PersonFields } from "./PersonFields";
import "../texts";

export function CreatePersonModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation("people");
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<PersonFormValues>({ initialValues: emptyPerson });
  const { run, formError } = useApiSubmit(form);

  const submit = form.onSubmit((values) =>
    run(async () => {
      const person = await api<PersonDetail>("/people", {
        body: { ...personBody(values), name: values.name, email: values.email },
      });
      queryClient.setQueryData(peopleKeys.person(person.id), person);
      await queryClient.invalidateQueries({ queryKey: peopleKeys.all, refetchType: "none" });
      notifySuccess(t("create.created", { name: person.name }));
      form.reset();
      onClose();
      navigate(`/mensen/${person.id}`);
    }),
  );

  return (
    <Dialog opened={opened} onClose={onClose} title={t("create.title")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t("create.intro")}
          </Text>
          <FormError message={formError} />
          <PersonFields form={form} emailEditable />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {tc("actions.cancel")}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t("create.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
