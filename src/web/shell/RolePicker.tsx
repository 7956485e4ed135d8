import { Checkbox, type CheckboxGroupProps, SimpleGrid, type SimpleGridProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ROLES } from "../../domain/roles";

/** Every role as a checkbox, named in the UI's language; takes a form field's props. */
export function RolePicker({
  cols = { base: 1, xs: 2 },
  ...group
}: Omit<CheckboxGroupProps, "children"> & { cols?: SimpleGridProps["cols"] }) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group withAsterisk {...group}>
      <SimpleGrid cols={cols} spacing="xs" mt="xs">
        {ROLES.map((role) => (
          <Checkbox key={role} value={role} label={t(`roles.${role}`)} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
