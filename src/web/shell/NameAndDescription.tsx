import { Textarea, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";

interface Labels {
  nameNl: string;
  nameEn: string;
  descriptionNl: string;
  descriptionEn: string;
}

/**
 * The name and description of a copied document (a regime, a requirement profile), in Dutch and
 * English: four fields at `document.name.*` and `document.description.*`, for a grid of the page's.
 */
export function NameAndDescription<Values>({ form, labels }: { form: UseFormReturnType<Values>; labels: Labels }) {
  return (
    <>
      <TextInput label={labels.nameNl} required maxLength={500} {...form.getInputProps("document.name.nl")} />
      <TextInput label={labels.nameEn} required maxLength={500} {...form.getInputProps("document.name.en")} />
      <Textarea
        label={labels.descriptionNl}
        required
        autosize
        minRows={2}
        maxLength={500}
        {...form.getInputProps("document.description.nl")}
      />
      <Textarea
        label={labels.descriptionEn}
        required
        autosize
        minRows={2}
        maxLength={500}
        {...form.getInputProps("document.description.en")}
      />
    </>
  );
}
